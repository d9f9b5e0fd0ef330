/**
 * Who is on the other end of this request, as far as the server can trust it.
 *
 * The app is served by scripts/server.ts, which drops client-supplied X-Forwarded-* and X-Real-IP
 * headers unless the connection comes from a proxy listed in TRUSTED_PROXIES, and then sets
 * X-Forwarded-For to the socket's address. Behind a trusted proxy the header is what the proxy
 * sent: many proxies (nginx's $proxy_add_x_forwarded_for, HAProxy's forwardfor, cloud load
 * balancers) append the client's address to whatever the client sent. So the client is the last
 * address that is not a trusted proxy: the entries left of it are the client's own words.
 */
import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

// '::ffff:10.0.0.1' is how an IPv4 peer looks on a dual-stack socket: show it as 10.0.0.1.
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/** The client's address from X-Forwarded-For (see above), or null outside a request (scripts, tests). */
export function clientIpFrom(h: Pick<Headers, 'get'>, trustedProxies: readonly string[] = env.TRUSTED_PROXIES): string | null {
  const chain = (h.get('x-forwarded-for') ?? '').split(',').map(plain).filter(Boolean);
  if (chain.length === 0) return null;
  const trusted = new Set(trustedProxies.map(plain));
  const client = [...chain].reverse().find((address) => !trusted.has(address)) ?? chain[0];
  // An address, never free text: keep it short and printable.
  return /^[0-9a-fA-F:.]{2,45}$/.test(client) ? client : null;
}

export async function clientIp(): Promise<string | null> {
  try {
    return clientIpFrom(await headers());
  } catch {
    return null; // not inside a request
  }
}

/** A short, non-identifying description of the browser for the session list ("Chrome on Linux"). */
export function describeDevice(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : /curl|wget|python|node/i.test(ua) ? 'Script' : 'Browser';
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : 'unknown system';
  return `${browser} on ${os}`;
}
