/**
 * The safe fetcher: every request the server makes to a URL a user typed goes through here (the
 * capture, the renderer's sub-requests, the link check). A source URL is untrusted input, and the
 * server sits inside a network: without these rules a URL (or a redirect, or a DNS answer that
 * changes between check and connect) could make it read the cloud metadata service or an
 * internal admin page and store the answer as "evidence".
 *
 * - Every host is resolved first; loopback, private, link-local, unique-local, metadata and other
 *   special addresses are refused unless CAPTURE_ALLOW_HOSTS names the host.
 * - The connection goes to the address that was checked (the `lookup` option), never to a fresh
 *   DNS answer, so DNS rebinding cannot swap it.
 * - Redirects are followed by hand, each hop checked the same way, at most CAPTURE_MAX_REDIRECTS.
 * - No cookies are sent and none are kept between hops; the user agent is the documented one.
 * - The body is streamed against CAPTURE_MAX_BYTES and the request is aborted as soon as it is
 *   over; one deadline (CAPTURE_TIMEOUT_MS) covers all hops.
 */
import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env';

export type CaptureOutcome = 'ok' | 'http_error' | 'timeout' | 'too_large' | 'blocked' | 'unsupported_type' | 'network_error';

/** One request/response exchange (a redirect hop or the final answer), as it went over the wire. */
export type Exchange = {
  url: string;
  method: 'GET';
  /** The request headers sent, in order. */
  requestHeaders: [string, string][];
  /** e.g. "HTTP/1.1 200 OK" */
  statusLine: string;
  status: number;
  /** The response headers as received (names in their original case, repeated ones kept). */
  headers: [string, string][];
  /** The body exactly as received (after de-chunking; never decompressed). */
  body: Buffer;
  /** The address connected to. */
  remoteAddress: string;
  /** PEM certificates the server presented, leaf first (https only). */
  tlsChain: string[] | null;
  /** When the response headers arrived. */
  receivedAt: Date;
};

export type FetchResult = {
  outcome: CaptureOutcome;
  /** Why it failed, in words safe to show; null when ok. */
  detail: string | null;
  requestedUrl: string;
  /** The last URL answered (after redirects); null when nothing answered. */
  finalUrl: string | null;
  status: number | null;
  /** The last response's headers, as received. */
  headers: [string, string][];
  contentType: string | null;
  /** The final body as received; null when none was kept (too large, wrong type, nothing answered). */
  body: Buffer | null;
  tlsChain: string[] | null;
  /** Every exchange in order: redirect hops, then the final one (when it answered). */
  exchanges: Exchange[];
  startedAt: Date;
  finishedAt: Date;
};

export type SafeFetchOptions = {
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Hosts that may resolve to forbidden addresses (default CAPTURE_ALLOW_HOSTS). */
  allowHosts?: string[];
  /** Content types accepted for a successful answer (default CAPTURE_CONTENT_TYPES); [] accepts any. */
  contentTypes?: string[];
  /** Extra CA certificates (PEM) to trust, for tests with a local https server. */
  ca?: string | string[];
  /** Sent as the Accept header. */
  accept?: string;
  /** Aborts the fetch from outside (e.g. a render deadline). */
  signal?: AbortSignal;
  /** How host names are resolved (default the system resolver); the connection never resolves again. */
  resolve?: Resolver;
};

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** Address ranges a capture never reaches by default (ipaddr.js range names); only 'unicast' is public. */
const PUBLIC_RANGE = 'unicast';

/**
 * Whether an IP address must not be reached: anything but a public unicast address (loopback,
 * private 10/8 172.16/12 192.168/16, link-local 169.254/16 with the metadata service, fc00::/7,
 * 0.0.0.0, multicast, carrier-grade NAT, reserved, and IPv4 hidden in IPv6 forms).
 */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return true;
  // process() unwraps ::ffff:a.b.c.d to a.b.c.d so a mapped private address is judged as IPv4.
  const parsed = ipaddr.process(bare);
  return parsed.range() !== PUBLIC_RANGE;
}

function describeRange(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return 'an invalid address';
  const range = ipaddr.process(bare).range();
  const names: Record<string, string> = {
    loopback: 'a loopback address',
    private: 'a private address',
    uniqueLocal: 'a private (unique local) address',
    linkLocal: bare === '169.254.169.254' ? 'the cloud metadata address' : 'a link-local address',
    unspecified: 'an unspecified address',
  };
  return names[range] ?? `a reserved address (${range})`;
}

/** Whether the host is listed in the allow-list (host names compare case-insensitively). */
function hostAllowed(hostname: string, allowHosts: string[]): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return allowHosts.some((h) => h.replace(/^\[|\]$/g, '').toLowerCase() === host);
}

class FetchStop extends Error {
  constructor(
    readonly outcome: CaptureOutcome,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Resolves and vets the host of a URL: the address to connect to, or a FetchStop. */
async function vetHost(url: URL, allowHosts: string[], resolve: Resolver): Promise<{ address: string; family: 4 | 6 }> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = hostAllowed(hostname, allowHosts);
  let addresses: { address: string; family: number }[];
  if (net.isIP(hostname)) {
    addresses = [{ address: hostname, family: net.isIP(hostname) }];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch {
      throw new FetchStop('network_error', `Could not resolve the host ${hostname}.`);
    }
  }
  if (addresses.length === 0) throw new FetchStop('network_error', `Could not resolve the host ${hostname}.`);
  // Every answer is checked, not only the first: a host with one public and one internal address
  // is refused, since the check and the connection must agree on a single address.
  const forbidden = addresses.find((a) => isForbiddenAddress(a.address));
  if (forbidden && !allowed) {
    const via = net.isIP(hostname) ? '' : ` (${hostname} resolves to ${forbidden.address})`;
    throw new FetchStop(
      'blocked',
      `Refused to connect to ${describeRange(forbidden.address)}${via}. An administrator can allow this host with CAPTURE_ALLOW_HOSTS.`,
    );
  }
  const chosen = addresses[0];
  return { address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

function contentTypeAllowed(contentType: string | null, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  if (!contentType) return false;
  const mime = contentType.split(';')[0].trim().toLowerCase();
  return allowed.some((a) => {
    const rule = a.toLowerCase();
    return rule.endsWith('/*') ? mime.startsWith(rule.slice(0, -1)) : mime === rule;
  });
}

function headerValue(headers: [string, string][], name: string): string | null {
  const found = headers.find(([n]) => n.toLowerCase() === name);
  return found ? found[1] : null;
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

function toPem(raw: Buffer): string {
  const b64 = raw.toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** The certificates the server presented, leaf first, ending at the root or where the chain stops. */
function peerChain(socket: TLSSocket): string[] {
  const chain: string[] = [];
  let cert = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(toPem(cert.raw));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** A DNS lookup that always answers the vetted address (Node asks with `all` when it races families). */
function pinnedLookup(target: { address: string; family: 4 | 6 }): net.LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if (lookupOptions?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

type HopResult = { exchange: Exchange; stop?: FetchStop };

/** One request to a vetted address; reads the body up to `maxBytes` unless told to stop before. */
function requestOnce(
  url: URL,
  target: { address: string; family: 4 | 6 },
  options: { maxBytes: number; deadline: AbortSignal; ca?: string | string[]; accept: string; contentTypes: string[]; isRedirectHop: (status: number) => boolean },
): Promise<HopResult> {
  const requestHeaders: [string, string][] = [
    ['Host', url.host],
    ['User-Agent', env.CAPTURE_USER_AGENT],
    ['Accept', options.accept],
    // The body is kept exactly as received; asking for no compression keeps it readable too.
    ['Accept-Encoding', 'identity'],
    ['Connection', 'close'],
  ];
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (!settled) reject(error);
      settled = true;
    };
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: Object.fromEntries(requestHeaders),
        // Connect to the address that was vetted, whatever DNS says now (DNS rebinding).
        lookup: pinnedLookup(target),
        // No keep-alive pool: each hop is its own connection to its own vetted address.
        agent: false,
        signal: options.deadline,
        ca: options.ca,
        servername: net.isIP(url.hostname.replace(/^\[|\]$/g, '')) ? undefined : url.hostname,
      },
      (response) => {
        const receivedAt = new Date();
        const headers = pairs(response.rawHeaders);
        const status = response.statusCode ?? 0;
        const socket = response.socket;
        const tlsChain = url.protocol === 'https:' ? peerChain(socket as TLSSocket) : null;
        const exchange: Exchange = {
          url: url.href,
          method: 'GET',
          requestHeaders,
          statusLine: `HTTP/${response.httpVersion} ${status} ${response.statusMessage ?? ''}`.trimEnd(),
          status,
          headers,
          body: Buffer.alloc(0),
          remoteAddress: socket.remoteAddress ?? target.address,
          tlsChain,
          receivedAt,
        };
        // Settle first, then drop the connection: destroying emits 'aborted' and 'error'.
        const finish = (stop?: FetchStop) => {
          settled = true;
          resolve({ exchange, stop });
          response.destroy();
        };
        const redirect = options.isRedirectHop(status);
        const contentType = headerValue(headers, 'content-type');
        if (!redirect && status >= 200 && status < 300 && !contentTypeAllowed(contentType, options.contentTypes)) {
          finish(new FetchStop('unsupported_type', `The page's type (${contentType?.split(';')[0].trim().slice(0, 100) || 'none given'}) is not one that is captured.`));
          return;
        }
        const declared = Number(headerValue(headers, 'content-length'));
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          finish(new FetchStop('too_large', `The page is larger than the limit of ${options.maxBytes} bytes.`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (settled) return;
          size += chunk.length;
          if (size > options.maxBytes) {
            // Abort now rather than read the rest: a huge body is refused, not stored in part.
            finish(new FetchStop('too_large', `The page is larger than the limit of ${options.maxBytes} bytes.`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          if (settled) return;
          settled = true;
          exchange.body = Buffer.concat(chunks);
          resolve({ exchange });
        });
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('aborted')));
      },
    );
    request.on('error', fail);
    request.end();
  });
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function networkDetail(error: unknown): string {
  const code = (error as { code?: string })?.code;
  const words: Record<string, string> = {
    ECONNREFUSED: 'The server refused the connection.',
    ECONNRESET: 'The server closed the connection.',
    ETIMEDOUT: 'The connection timed out.',
    EHOSTUNREACH: 'The server could not be reached.',
    ENETUNREACH: 'The network could not be reached.',
    CERT_HAS_EXPIRED: 'The site’s TLS certificate has expired.',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'The site’s TLS certificate is not trusted (self-signed).',
    SELF_SIGNED_CERT_IN_CHAIN: 'The site’s TLS certificate is not trusted (self-signed).',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'The site’s TLS certificate could not be verified.',
    ERR_TLS_CERT_ALTNAME_INVALID: 'The site’s TLS certificate is for another name.',
  };
  return (code && words[code]) ?? `The request failed${code ? ` (${code})` : ''}.`;
}

/**
 * Fetches a URL under the rules above. Never throws for anything the remote side does: every
 * ending is an outcome with a detail safe to show.
 */
export async function safeFetch(rawUrl: string, opts: SafeFetchOptions = {}): Promise<FetchResult> {
  const maxBytes = opts.maxBytes ?? env.CAPTURE_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? env.CAPTURE_TIMEOUT_MS;
  const maxRedirects = opts.maxRedirects ?? env.CAPTURE_MAX_REDIRECTS;
  const allowHosts = opts.allowHosts ?? env.CAPTURE_ALLOW_HOSTS;
  const contentTypes = opts.contentTypes ?? env.CAPTURE_CONTENT_TYPES;
  const accept = opts.accept ?? 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5';
  const startedAt = new Date();
  const exchanges: Exchange[] = [];
  const deadline = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(opts.signal ? [opts.signal] : [])]);

  const result = (outcome: CaptureOutcome, detail: string | null, keepBody: boolean): FetchResult => {
    const last = exchanges.at(-1) ?? null;
    return {
      outcome,
      detail,
      requestedUrl: rawUrl,
      finalUrl: last?.url ?? null,
      status: last?.status ?? null,
      headers: last?.headers ?? [],
      contentType: last ? headerValue(last.headers, 'content-type') : null,
      body: keepBody && last ? last.body : null,
      tlsChain: last?.tlsChain ?? null,
      exchanges,
      startedAt,
      finishedAt: new Date(),
    };
  };

  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return result('network_error', 'The address is not a valid URL.', false);
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return result('blocked', `Only http and https addresses are fetched (not ${url.protocol.replace(':', '')}).`, false);
    }
    if (url.username || url.password) return result('blocked', 'Addresses with a user name or password are not fetched.', false);
    try {
      const target = await vetHost(url, allowHosts, opts.resolve ?? systemResolver);
      if (deadline.aborted) throw deadline.reason;
      const { exchange, stop } = await requestOnce(url, target, {
        maxBytes,
        deadline,
        ca: opts.ca,
        accept,
        contentTypes,
        isRedirectHop: (status) => REDIRECT_STATUSES.has(status),
      });
      exchanges.push(exchange);
      if (stop) return result(stop.outcome, stop.detail, false);
      const location = headerValue(exchange.headers, 'location');
      if (REDIRECT_STATUSES.has(exchange.status) && location) {
        if (hop >= maxRedirects) return result('network_error', `More than ${maxRedirects} redirects.`, false);
        try {
          url = new URL(location, url);
        } catch {
          return result('network_error', 'The redirect points to an invalid address.', false);
        }
        continue;
      }
      if (exchange.status >= 400) return result('http_error', `The server answered ${exchange.status}.`, true);
      if (exchange.status < 200 || exchange.status >= 300) return result('http_error', `The server answered ${exchange.status}.`, true);
      return result('ok', null, true);
    } catch (error) {
      if (error instanceof FetchStop) return result(error.outcome, error.detail, false);
      if (deadline.aborted) {
        const external = opts.signal?.aborted;
        return result('timeout', external ? 'The fetch was cancelled.' : `No complete answer within ${timeoutMs} ms.`, false);
      }
      return result('network_error', networkDetail(error), false);
    }
  }
}
