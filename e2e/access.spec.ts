import { readFile } from 'node:fs/promises';
import { pdfText } from '../lib/reports/pdf-text';
import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

test('a researcher cannot open the forms to create or edit', async ({ researcherPage: page }) => {
  await page.goto('/cases');
  await expect(page.getByRole('link', { name: 'Record a detention' })).toHaveCount(0);
  const response = await page.goto('/cases/new');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();

  await page.goto('/cases?q=Serikbaev');
  await page.getByRole('link', { name: 'Ghadilbek Serikbaev' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  const edit = await page.goto(`${new URL(page.url()).pathname}/edit`);
  expect(edit?.status()).toBe(403);
  const admin = await page.goto('/admin/users');
  expect(admin?.status()).toBe(403);
});

test('the server refuses a researcher a forged create request', async ({ monitorPage, researcherPage }) => {
  // Capture a real create request from a monitor's form…
  const form = new CaseFormPage(monitorPage);
  await form.openNew();
  await form.fillActivist(uniqueName('Template'));
  await form.chooseCity('Pavlodar');
  await form.fillSource(0, { url: 'https://news.example.org/pavlodar', title: 'Pavlodar report' });
  const captured = monitorPage.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await form.save();
  const request = await captured;
  await expect(monitorPage).toHaveURL(/\/cases\/\d+$/);

  // …and replay it with a researcher's session, for a person no one has recorded.
  const forgedName = uniqueName('Forged Person');
  const body = request.postDataBuffer()!.toString('utf8').replace(/Template [a-z0-9]+/, forgedName);
  const headers = request.headers();
  const response = await researcherPage.request.post('/cases/new', {
    headers: { 'next-action': headers['next-action'], 'content-type': headers['content-type'], accept: 'text/x-component' },
    data: Buffer.from(body, 'utf8'),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);

  await monitorPage.goto(`/cases?q=${encodeURIComponent(forgedName)}`);
  await expect(monitorPage.getByText('No detentions match.')).toBeVisible();
});

test('a researcher never sees a restricted detention', async ({ monitorPage, researcherPage }) => {
  // Two PDF downloads on top of the list checks.
  test.setTimeout(180_000);
  const name = uniqueName('Restricted Person');
  const form = new CaseFormPage(monitorPage);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Semey');
  await form.choose({ Confidentiality: 'Restricted' });
  await form.fillSource(0, { url: 'https://news.example.org/semey', title: 'Semey report' });
  await form.save();
  await expect(monitorPage).toHaveURL(/\/cases\/\d+$/);
  const path = new URL(monitorPage.url()).pathname;

  // The monitor sees it in the list…
  await monitorPage.goto(`/cases?q=${encodeURIComponent(name)}`);
  await expect(monitorPage.getByRole('link', { name })).toBeVisible();

  // …the researcher not in the list, the search, the count or the detail page.
  await researcherPage.goto(`/cases?q=${encodeURIComponent(name)}`);
  await expect(researcherPage.getByText('No detentions match.')).toBeVisible();
  const semey = await researcherPage.goto('/cases?city=' + (await cityId(monitorPage, 'Semey')));
  expect(semey?.status()).toBe(200);
  await expect(researcherPage.getByText(name)).toHaveCount(0);
  const detail = await researcherPage.goto(path);
  expect(detail?.status()).toBe(404);

  // The one-record PDF: the case page's authorization. The researcher gets a 404 even by URL…
  expect((await researcherPage.request.get(`${path}/pdf`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await researcherPage.request.get(`${path}/pdf?notes=1`, { maxRedirects: 0 })).status()).toBe(404);
  // …the monitor downloads it from the case page, the record stamped.
  await monitorPage.goto(path);
  const [download] = await Promise.all([monitorPage.waitForEvent('download'), monitorPage.getByRole('link', { name: 'PDF of this record' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^detention-record-\d+-.*generated-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = (await pdfText(await readFile((await download.path())!))).replace(/\s+/g, ' ');
  expect(text).toContain(name);
  expect(text).toContain('RESTRICTED');
  expect(text).toContain('https://news.example.org/semey');
});

async function cityId(page: import('@playwright/test').Page, name: string) {
  await page.goto('/cases');
  return page.getByLabel('City', { exact: true }).locator('option', { hasText: name }).getAttribute('value');
}

test('unknown or malformed ids are a 404, not a 500', async ({ researcherPage: page }) => {
  for (const path of ['/cases/999999', '/cases/abc', '/cases/1e3', '/people/999999', '/sources/0', '/cases/99999999999999999999']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test('repeated wrong passwords hold up sign-in for that email for a while', async ({ page }) => {
  const email = `guesser-${Date.now()}@example.org`;
  await page.goto('/login');
  // Each attempt waits for the server's answer, so five attempts are five attempts.
  const attempt = async (password: string) => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  };
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong-${i}`);
    await expect(page.locator('form').getByRole('alert')).toHaveText('Email or password is wrong, or the account is disabled.');
  }
  await attempt('wrong-again');
  await expect(page.locator('form').getByRole('alert')).toHaveText(/Too many sign-in attempts\. Wait \d+ seconds/);
});
