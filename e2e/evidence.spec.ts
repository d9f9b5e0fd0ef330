import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CaseFormPage } from './pages/case-form';
import { SourcePage } from './pages/source-page';
import { expect, test, uniqueName } from './fixtures';

/**
 * Source captures end to end: the e2e server runs a local fixture site (lib/test/fixture-site.ts,
 * started by scripts/e2e-server.ts, which writes its origin to .data/e2e-fixture.json) and allows
 * the server to fetch from it (CAPTURE_ALLOW_HOSTS); TSA_URLS points at a local timestamp authority.
 */
type Fixture = { origin: string; articlePath?: string };

function fixture(): Fixture {
  const file = path.resolve(__dirname, '..', '.data', 'e2e-fixture.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Fixture;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A unique address of the fixture article (the query makes the source new; the site ignores it). */
function articleUrl(): string {
  const { origin, articlePath = '/article' } = fixture();
  return `${origin}${articlePath}?e2e=${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A monitor records a detention citing a new source at `url`; returns the source page's path. */
async function recordCaseWithSource(page: Page, url: string, title: string): Promise<string> {
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(uniqueName('Evidence Person'));
  await form.chooseCity('Pavlodar');
  await form.fillSource(0, { url, title });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const sourceLink = page.getByRole('listitem').filter({ hasText: title }).getByRole('link', { name: '(all cases citing it)' });
  const href = await sourceLink.getAttribute('href');
  expect(href).toMatch(/^\/sources\/\d+$/);
  return href!;
}

test('a new source is captured: the source page shows the capture, its SHA-256 and the timestamp', async ({ monitorPage: page }) => {
  const url = articleUrl();
  const title = uniqueName('Fixture article');
  const sourcePath = await recordCaseWithSource(page, url, title);

  // What the site serves, hashed here: the page must show the same SHA-256 for the body it kept.
  const served = await page.request.get(url);
  expect(served.ok()).toBe(true);
  const servedHash = sha256(await served.body());

  await page.goto(sourcePath);
  const source = new SourcePage(page);
  await source.waitForCaptures(1);
  const capture = source.captureItems().first();
  // The timestamp is asked for after the capture is stored: a page loaded in between shows the
  // capture without it, and never updates. Reload until the authority's answer is there.
  await expect(async () => {
    await page.reload();
    await expect(capture).toContainText(/signed at /, { timeout: 1000 });
  }).toPass({ timeout: 45_000, intervals: [500, 1000, 2000] });
  await expect(capture).toContainText('Captured');
  await expect(capture).toContainText(`Fetched by the server, asked by`);
  await expect(capture.getByRole('row', { name: /Page as received/ })).toContainText(servedHash);
  await expect(capture).toContainText(url);
  // The e2e server runs a local timestamp authority (scripts/e2e-server.ts): the capture is signed and verified.
  await expect(capture).toContainText(/signed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(serial \w+\), verified/);

  // The stored body downloads as an attachment, sandboxed, byte for byte what the site served.
  const link = capture.getByRole('link', { name: 'Page as received' });
  const download = await page.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="capture-\d+-response\.html"$/);
  expect(download.headers()['content-security-policy']).toBe("sandbox; default-src 'none'");
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(download.headers()['content-type']).toBe('application/octet-stream');
  expect(sha256(await download.body())).toBe(servedHash);
});

test('a monitor uploads a saved copy; a file of another type is refused by name', async ({ monitorPage: page }) => {
  const sourcePath = await recordCaseWithSource(page, articleUrl(), uniqueName('Upload target'));
  await page.goto(sourcePath);
  const source = new SourcePage(page);
  await source.waitForCaptures(1);
  const before = await source.captureItems().count();

  const text = Buffer.from(`Saved copy of the article, ${uniqueName('taken')}.\nThe court fined the activist.\n`, 'utf8');
  await source.upload({ name: 'saved-copy.txt', mimeType: 'text/plain', buffer: text });
  await expect(page.getByText('“saved-copy.txt” was added as a capture.')).toBeVisible();
  await source.waitForCaptures(before + 1);
  const upload = source.captureItems().first();
  await expect(upload).toContainText('Uploaded by');
  await expect(upload).toContainText('saved-copy.txt');
  await expect(upload.getByRole('row', { name: /Uploaded file/ })).toContainText(sha256(text));
  await expect(upload).toContainText(/signed at .* verified/);

  // An executable named like a PDF: the server sniffs the bytes, refuses, and names the file chosen.
  await source.upload({ name: 'not-really.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this is not a PDF', 'latin1') });
  const error = page.locator('#capture-file-error');
  await expect(error).toHaveText('“not-really.pdf” is not a PDF, HTML, PNG, JPEG or text file.');
  await expect(source.uploadInput()).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  expect(await source.captureItems().count()).toBe(before + 1);
});

test('a case page links the archived copy of its source', async ({ monitorPage: page }) => {
  const title = uniqueName('Archived link');
  const sourcePath = await recordCaseWithSource(page, articleUrl(), title);
  const casePath = new URL(page.url()).pathname;
  await page.goto(sourcePath);
  await new SourcePage(page).waitForCaptures(1);
  await page.goto(casePath);
  const archived = page.getByRole('listitem').filter({ hasText: title }).getByRole('link', { name: 'archived copy' });
  await expect(archived).toHaveAttribute('href', new RegExp(`^${sourcePath}#capture-\\d+$`));
});

test('a researcher has no capture or upload controls, and a replayed capture request is refused', async ({ monitorPage, researcherPage }) => {
  const sourcePath = await recordCaseWithSource(monitorPage, articleUrl(), uniqueName('Replay target'));
  await monitorPage.goto(sourcePath);
  const monitorSource = new SourcePage(monitorPage);
  await monitorSource.waitForCaptures(1);
  const before = await monitorSource.captureItems().count();

  // The researcher sees the source (its case is shareable) and its captures, but no controls.
  const response = await researcherPage.goto(sourcePath);
  expect(response?.status()).toBe(200);
  const researcherSource = new SourcePage(researcherPage);
  await expect(researcherSource.captureItems()).toHaveCount(before);
  await expect(researcherSource.captureAgainButton()).toHaveCount(0);
  await expect(researcherSource.uploadInput()).toHaveCount(0);
  await expect(researcherPage.getByRole('button', { name: 'Verify evidence' })).toHaveCount(0);

  // A real "Capture again" post from the monitor, replayed with the researcher's session: 403.
  const captured = monitorPage.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await monitorSource.captureAgainButton().click();
  const request = await captured;
  await expect(monitorPage.getByText('Captured: see the newest capture below.')).toBeVisible({ timeout: 45_000 });
  const headers = request.headers();
  const replay = await researcherPage.request.post(sourcePath, {
    headers: { 'next-action': headers['next-action'], 'content-type': headers['content-type'], accept: 'text/x-component' },
    data: request.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(403);
  await monitorPage.reload();
  expect(await monitorSource.captureItems().count()).toBe(before + 1);

  // And the admin panel is not theirs.
  const panel = await researcherPage.goto('/admin/evidence');
  expect(panel?.status()).toBe(403);
});

test('an admin verifies a source’s evidence from its page; the evidence panel is theirs', async ({ monitorPage, adminPage }) => {
  const sourcePath = await recordCaseWithSource(monitorPage, articleUrl(), uniqueName('Verify target'));
  await monitorPage.goto(sourcePath);
  await new SourcePage(monitorPage).waitForCaptures(1);
  await expect(monitorPage.getByRole('button', { name: 'Verify evidence' })).toHaveCount(0);

  await adminPage.goto(sourcePath);
  await adminPage.getByRole('button', { name: 'Verify evidence' }).click();
  await expect(adminPage.getByText(/^\d+ captures? checked: every hash and timestamp holds\.$/)).toBeVisible({ timeout: 30_000 });

  const panel = await adminPage.goto('/admin/evidence');
  expect(panel?.status()).toBe(200);
  await expect(adminPage.getByRole('heading', { name: 'Source links: gone or changed' })).toBeVisible();
});
