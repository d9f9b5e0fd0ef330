/**
 * Runs before every request (Next.js 16's proxy, formerly middleware). Four jobs:
 * 1. A strict Content-Security-Policy with a fresh nonce per request: Next puts the nonce on its
 *    own scripts, so no script runs that the app did not send in this response (no 'unsafe-inline'
 *    for scripts); frames are refused ('frame-ancestors none'); HSTS when served over https.
 *    Captured files (archived pages, someone else's HTML) get a sandbox that loads nothing instead.
 * 2. A server action posted from another origin gets a plain 403 (Next would refuse it too, but
 *    with a 500), so forged cross-site posts are told no, clearly.
 * 3. A path whose percent-encoding is not valid UTF-8 (/cases/%FF) is a 404, not a 500.
 * 4. A file of records (exports, PDFs, the audit trail, captured files, chart data) asked for by
 *    another site's page gets a 403: the session cookie goes along with a top-level navigation, so
 *    a link elsewhere could make a monitor's browser save restricted records with internal notes,
 *    and the audit trail would name the monitor.
 * Authorization is not done here: every page, action and route handler checks it on the server.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { CAPTURED_FILE_CSP, isCapturedFilePath } from '@/lib/evidence/download';

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced loader fetch its own chunks; dev mode needs eval for HMR.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and ECharts set style attributes; styles can't run code, so inline styles are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** The host this request was addressed to: APP_URL's when configured, else the Host header. */
function expectedHost(request: NextRequest): string | null {
  if (env.APP_URL) return new URL(env.APP_URL).host;
  return request.headers.get('x-forwarded-host') ?? request.headers.get('host');
}

function isForeignAction(request: NextRequest): boolean {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return false;
  const origin = request.headers.get('origin');
  if (!origin) return false; // same-origin navigations from old browsers send none; Next checks too
  try {
    return new URL(origin).host !== expectedHost(request);
  } catch {
    return true; // 'null' or garbage
  }
}

/** Paths that answer with a file of records. */
const RECORD_FILES = [/^\/cases\/export\/?$/, /^\/cases\/\d+\/pdf\/?$/, /^\/reports\/pdf\/?$/, /^\/admin\/audit\/export\/?$/, /^\/dashboard\/chart\//];

/**
 * Whether another site's page asked for a file of records. Browsers say where a request comes from
 * (Sec-Fetch-Site): the app's own links are same-origin, a typed address or a bookmark is none.
 * Clients that send no such header (scripts, calendar apps) are not browsers carrying someone's cookie.
 */
function isForeignDownload(request: NextRequest): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === null || site === 'same-origin' || site === 'none') return false;
  const path = request.nextUrl.pathname;
  return isCapturedFilePath(path) || RECORD_FILES.some((pattern) => pattern.test(path));
}

export function proxy(request: NextRequest) {
  if (isMalformedPath(request.nextUrl.pathname)) return new NextResponse('Not found', { status: 404 });
  if (isForeignAction(request)) return new NextResponse('Forbidden: this form was posted from another site.', { status: 403 });
  if (isForeignDownload(request)) return new NextResponse('Forbidden: this file was asked for by another site. Open it from the app.', { status: 403 });

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A captured file is someone else's page: sandboxed, loading nothing, should a browser show it.
  response.headers.set('Content-Security-Policy', isCapturedFilePath(request.nextUrl.pathname) ? CAPTURED_FILE_CSP : csp);
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  // Static files carry no user data and need no nonce.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
