/**
 * Where to send the browser after sign-in. Only a path on this app's own origin: the value is
 * resolved with the URL parser (which, like browsers, drops tabs and newlines and reads `\` as
 * `/`), so `/\t/evil.example`, `/./`, `/.\` and their encodings can't smuggle in another host.
 */
const PLACEHOLDER_ORIGIN = 'http://case-tracker.invalid';

export function safeRedirectPath(value: unknown, fallback = '/cases'): string {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  // A path that still begins with two slashes would be read as another host by the browser.
  const path = url.pathname.replace(/^\/+/, '/');
  if (path.startsWith('/api/') || path === '/login') return fallback;
  return `${path}${url.search}`;
}
