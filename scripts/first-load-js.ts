/**
 * `npm run bench:first-load`: the JavaScript a browser downloads to show /dashboard (and, for
 * comparison, /cases and /login) on a first visit, measured in Chromium against the production
 * build. Next.js 16 no longer prints "First Load JS" in `next build`, so we measure what the
 * browser actually fetches. Writes docs/FIRST-LOAD-JS.md.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { ensureBuild } from './ensure-build';

const PORT = process.env.FIRST_LOAD_PORT ?? '3300';
const BASE = `http://127.0.0.1:${PORT}`;

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

async function main() {
  ensureBuild();
  const server = spawn('npx', ['tsx', 'scripts/e2e-server.ts'], {
    env: { ...process.env, DATABASE_URL: '', E2E_PORT: PORT },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitFor(`${BASE}/api/health`);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const rows: string[] = [];
    for (const path of ['/login', '/cases', '/dashboard']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (path !== '/login') {
        await page.goto(`${BASE}/login`);
        await page.getByLabel('Email').fill('researcher@example.org');
        await page.getByLabel('Password').fill('demo-researcher-password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/cases/);
        // A fresh context with the session only: nothing cached from the sign-in page.
        const state = await context.storageState();
        await context.close();
        const fresh = await browser.newContext({ storageState: state });
        await measure(await fresh.newPage(), path, rows);
        await fresh.close();
      } else {
        await measure(page, path, rows);
        await context.close();
      }
    }
    await browser.close();
    const body = [
      '# First-load JavaScript',
      '',
      `Measured by \`npm run bench:first-load\` on ${new Date().toISOString().slice(0, 10)}: the script files Chromium downloads on a first visit`,
      'to each page of the production build (signed in as a researcher; demo data).',
      '',
      '| page | script files | JavaScript (raw) | JavaScript (gzip) |',
      '|---|---:|---:|---:|',
      ...rows,
      '',
      'The dashboard draws its charts and map on the server (ECharts SVG, d3-geo): the browser gets SVG, plus ECharts',
      "4 kB SSR client runtime that makes chart marks clickable; no charting library is downloaded.",
      '',
    ].join('\n');
    writeFileSync('docs/FIRST-LOAD-JS.md', body);
    console.log(body);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

async function measure(page: import('@playwright/test').Page, path: string, rows: string[]) {
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    try {
      scripts.set(response.url(), await response.body());
    } catch {
      // a redirect or an aborted request has no body
    }
  });
  await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' });
  const raw = [...scripts.values()].reduce((a, b) => a + b.length, 0);
  const gzip = [...scripts.values()].reduce((a, b) => a + gzipSync(b).length, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  rows.push(`| ${path} | ${scripts.size} | ${kb(raw)} | ${kb(gzip)} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
