/**
 * Who is on the other end of this request, as far as the server can trust it.
 *
 * The app is served by scripts/server.ts, which drops client-supplied X-Forwarded-* and X-Real-IP
 * headers unless the connection comes from a proxy listed in TRUSTED_PROXIES, and then sets
 * X-Forwarded-For to the socket's address. So the first X-Forwarded-For entry is either the peer
 * itself or what a trusted proxy said the client was.
 */
import 'server-only';
import { headers } from 'next/headers';

/** The first address in X-Forwarded-For, or null outside a request (scripts, tests). */
export function clientIpFrom(h: Pick<Headers, 'get'>): string | null {
  // '::ffff:10.0.0.1' is how an IPv4 peer looks on a dual-stack socket: show it as 10.0.0.1.
  const first = h.get('x-forwarded-for')?.split(',')[0]?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!first) return null;
  // An address, never free text: keep it short and printable.
  return /^[0-9a-fA-F:.]{2,45}$/.test(first) ? first : null;
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
