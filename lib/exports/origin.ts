import { env } from '@/lib/env';

/**
 * The app's public origin, for the absolute record links in exports, reports and the API.
 * APP_URL (or Auth.js's AUTH_URL) when set; else the Host the client used (Next's own request URL
 * names the host it listens on, e.g. localhost, not the one the reader reached it by).
 */
export function publicOrigin(request: Request, configured = env.APP_URL ?? env.AUTH_URL): string {
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed setting falls through to the request's own host.
    }
  }
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host')?.split(',')[0].trim() || request.headers.get('host') || url.host;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0].trim() || url.protocol.replace(':', '');
  const origin = `${proto === 'https' ? 'https' : 'http'}://${host}`;
  try {
    return new URL(origin).origin;
  } catch {
    return url.origin;
  }
}
