import { env } from '@/lib/env';

export type OriginSettings = { appUrl?: string; trustedProxies: readonly string[] };

/** A host name, IPv4 or [IPv6] address, with an optional port: nothing else may become a link. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const first = (value: string | null) => value?.split(',')[0].trim() ?? '';

/**
 * The app's public origin, for the absolute record links in exports, reports and the API.
 * APP_URL when set. Otherwise X-Forwarded-Host/-Proto only when TRUSTED_PROXIES is set: the app's
 * server drops those headers from any other peer, so without a proxy anyone could name the host
 * in the links of a file they then pass on. Otherwise the Host header, if it is a host[:port]
 * (Next's own request URL names the host it listens on, e.g. localhost), else the request's origin.
 */
export function publicOrigin(
  request: Request,
  { appUrl, trustedProxies }: OriginSettings = { appUrl: env.APP_URL, trustedProxies: env.TRUSTED_PROXIES },
): string {
  if (appUrl) return new URL(appUrl).origin;
  const url = new URL(request.url);
  let host = request.headers.get('host') ?? '';
  let proto = url.protocol.slice(0, -1);
  if (trustedProxies.length > 0) {
    const forwardedHost = first(request.headers.get('x-forwarded-host'));
    const forwardedProto = first(request.headers.get('x-forwarded-proto')).toLowerCase();
    if (forwardedHost) host = forwardedHost;
    if (forwardedProto === 'http' || forwardedProto === 'https') proto = forwardedProto;
  }
  if (!HOST.test(host)) return url.origin;
  return new URL(`${proto === 'https' ? 'https' : 'http'}://${host}`).origin;
}
