/**
 * "Your download has started": a browser gives a page no event when a file download arrives, so the
 * report form sends a random token (`dl`) and the response sets a short-lived cookie holding it;
 * the form's button stays pending until the cookie appears. The token is checked (letters and
 * digits only), so nothing the client sends reaches the header unchecked. Pure.
 */
export const DOWNLOAD_COOKIE = 'report-download';

export function downloadCookie(token: string | null): string | null {
  if (!token || !/^[a-z0-9]{8,40}$/i.test(token)) return null;
  return `${DOWNLOAD_COOKIE}=${token}; Path=/; Max-Age=60; SameSite=Strict`;
}
