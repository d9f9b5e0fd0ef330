/**
 * Renders a captured page with headless Chromium as a PDF and a full-page PNG (capped height).
 * Renders the STORED bytes, never a second live fetch, so the rendering shows what was archived.
 * JavaScript is off. Every sub-request the browser makes (images, styles, frames) is intercepted
 * and goes through the same safe fetcher, so a hostile page cannot use the browser to reach an
 * internal address; the browser itself never opens a connection. Optional: without Chromium, or
 * with CAPTURE_RENDER=off, the capture goes on and the note says why.
 */
import 'server-only';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Route } from 'playwright-core';
import { env } from '@/lib/env';
import { safeFetch } from './fetcher';

export type Rendering = { pdf: Buffer | null; png: Buffer | null; note: string | null };

/** The whole render (launch to close) is kept within this. */
const RENDER_BUDGET_MS = 8_000;
/** Each sub-request gets at most this long, and all of them together at most this many bytes. */
const SUBREQUEST_TIMEOUT_MS = 3_000;
const SUBREQUEST_TOTAL_BYTES = 10 * 1024 * 1024;
/** A PNG taller than this is cut (a very long page would make a huge image). */
export const PNG_MAX_HEIGHT = 8_000;
const VIEWPORT = { width: 1280, height: 900 };

export type RenderInput = {
  /** The stored body. */
  body: Buffer;
  contentType: string;
  /** The page's address (its final URL), so relative links resolve as they did. */
  url: string;
  /** Hosts sub-requests may reach despite the address policy (default CAPTURE_ALLOW_HOSTS). */
  allowHosts?: string[];
};

export function renderUnavailable(): string | null {
  if (env.CAPTURE_RENDER === 'off') return 'Rendering is turned off (CAPTURE_RENDER=off).';
  if (!existsSync(env.CHROMIUM_PATH)) return 'Chromium is not available on this server, so there is no PDF or PNG rendering.';
  return null;
}

/** What Chromium's processes see of the environment: enough to run, none of the app's settings. */
const BROWSER_ENVIRONMENT = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'XDG_RUNTIME_DIR', 'FONTCONFIG_PATH', 'FONTCONFIG_FILE'];

/** lib/evidence/chromium-background.sh: starts the browser through `nice`. */
const BACKGROUND_LAUNCHER = path.join(process.cwd(), 'lib', 'evidence', 'chromium-background.sh');

/**
 * How the renderer starts Chromium.
 * - The environment is an allow-list: by default the browser inherits the server's, with its
 *   AUTH_SECRET and DATABASE_URL, and it parses hostile pages.
 * - Through the background launcher when it is there and executable: rendering is background
 *   work (about 0.7 s per page), and as root Chromium had raised itself above the app. The lower
 *   priority alone did not bring saves back to their speed without rendering (bench:load, 50
 *   monitors each saving about once a minute: save p95 567 → 495 ms, 106 ms without rendering);
 *   CAPTURE_IN_APP=off moves captures to a worker on another machine.
 */
export function browserLaunchOptions(): { executablePath: string; env: Record<string, string> } {
  // eslint-disable-next-line no-restricted-properties -- passed through to a child process, not read
  const base = Object.fromEntries(BROWSER_ENVIRONMENT.flatMap((key) => (process.env[key] ? [[key, process.env[key]!]] : [])));
  try {
    accessSync(BACKGROUND_LAUNCHER, constants.X_OK);
    return { executablePath: BACKGROUND_LAUNCHER, env: { ...base, RENDER_CHROMIUM: env.CHROMIUM_PATH } };
  } catch {
    // Copied without its executable bit: the browser at full priority still renders.
    return { executablePath: env.CHROMIUM_PATH, env: base };
  }
}

export async function renderPage(input: RenderInput): Promise<Rendering> {
  const unavailable = renderUnavailable();
  if (unavailable) return { pdf: null, png: null, note: unavailable };
  const deadline = AbortSignal.timeout(RENDER_BUDGET_MS);
  let browser;
  try {
    browser = await chromium.launch({ ...browserLaunchOptions(), headless: true, timeout: RENDER_BUDGET_MS });
  } catch {
    return { pdf: null, png: null, note: 'Chromium could not be started, so there is no PDF or PNG rendering.' };
  }
  let subBytes = 0;
  const pageUrl = new URL(input.url);
  pageUrl.hash = '';
  let servedMain = false;
  const route = async (r: Route) => {
    const request = r.request();
    // The page itself: the stored bytes. Only once, so a frame pointing back at it is fetched like any other.
    if (!servedMain && request.isNavigationRequest() && request.url().split('#')[0] === pageUrl.href) {
      servedMain = true;
      return r.fulfill({ status: 200, body: input.body, headers: { 'Content-Type': input.contentType } });
    }
    if (deadline.aborted || request.method() !== 'GET') return r.abort('blockedbyclient');
    const result = await safeFetch(request.url(), {
      maxBytes: Math.max(0, SUBREQUEST_TOTAL_BYTES - subBytes),
      timeoutMs: SUBREQUEST_TIMEOUT_MS,
      allowHosts: input.allowHosts,
      contentTypes: [],
      accept: request.headers()['accept'] ?? '*/*',
      signal: deadline,
    });
    if (!result.body) return r.abort(result.outcome === 'blocked' ? 'blockedbyclient' : 'failed');
    subBytes += result.body.length;
    return r.fulfill({
      status: result.status ?? 200,
      body: result.body,
      headers: { 'Content-Type': result.contentType ?? 'application/octet-stream' },
    });
  };
  try {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      serviceWorkers: 'block',
      acceptDownloads: false,
      viewport: VIEWPORT,
      userAgent: env.CAPTURE_USER_AGENT,
    });
    await context.route('**/*', (r) => route(r).catch(() => r.abort().catch(() => {})));
    const page = await context.newPage();
    const started = Date.now();
    const remaining = () => Math.max(500, RENDER_BUDGET_MS - 1500 - (Date.now() - started));
    await page.goto(pageUrl.href, { waitUntil: 'load', timeout: remaining() }).catch(async () => {
      // A sub-resource that never finishes loading must not cost the rendering: use what is there.
      await page.waitForLoadState('domcontentloaded', { timeout: 500 }).catch(() => {});
    });
    const cdp = await context.newCDPSession(page);
    const metrics = (await cdp.send('Page.getLayoutMetrics')) as { cssContentSize?: { height: number }; contentSize: { height: number } };
    const fullHeight = Math.ceil((metrics.cssContentSize ?? metrics.contentSize).height);
    const height = Math.max(1, Math.min(fullHeight, PNG_MAX_HEIGHT));
    const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: VIEWPORT.width, height }, timeout: remaining() });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const note = fullHeight > PNG_MAX_HEIGHT ? `The PNG shows the first ${PNG_MAX_HEIGHT} pixels of a ${fullHeight}-pixel page; the PDF has it all.` : null;
    return { pdf: Buffer.from(pdf), png: Buffer.from(png), note };
  } catch {
    return { pdf: null, png: null, note: 'The page could not be rendered in time, so there is no PDF or PNG rendering.' };
  } finally {
    await browser.close().catch(() => {});
  }
}
