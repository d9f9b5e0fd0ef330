import { CaseFormPage } from './pages/case-form';
import { expect, signIn, test, USERS } from './fixtures';

/**
 * Two app instances against one PostgreSQL database, as behind a load balancer: instance A is the
 * one Playwright's baseURL names, instance B the second one scripts/e2e-server.ts starts on
 * E2E_SECOND_PORT (default E2E_PORT + 1). What one instance writes, the other shows at once, and a
 * session opened on one is valid (and ended) on the other: nothing that matters lives in one
 * process's memory.
 */
const portA = Number(process.env.E2E_PORT ?? 3100);
const A = `http://127.0.0.1:${portA}`;
const B = `http://127.0.0.1:${Number(process.env.E2E_SECOND_PORT ?? portA + 1)}`;

// Each instance renders every page cold the first time it is asked (routes loaded, code compiled).
test.setTimeout(180_000);
test.skip(!process.env.DATABASE_URL, 'PGlite (no DATABASE_URL) is one process per data directory, so only one app instance can run on it');

/** Letters only: the name matcher ignores digits, so two test names must differ in letters. */
function lettersName(prefix: string) {
  const letters = Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${prefix} ${letters[0].toUpperCase()}${letters.slice(1)}`;
}

test.beforeAll(async ({ request }) => {
  // Playwright waits for instance A only; B was started at the same time.
  await expect.poll(async () => (await request.get(`${B}/api/health`).catch(() => null))?.status(), { timeout: 120_000 }).toBe(200);
});

/** "N detentions in the window" on the default dashboard, as B computes it. */
async function windowTotal(page: import('@playwright/test').Page): Promise<number> {
  await page.goto(`${B}/dashboard`);
  const text = await page.getByText(/detentions? in the window/).first().textContent();
  return Number((text ?? '').match(/([\d,]+) detentions? in the window/)![1].replace(/,/g, ''));
}

test('a detention written through instance A is on instance B’s dashboard, list and export at once', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${A}/login`);
  await signIn(page, USERS.monitor);
  // B computes (and caches) the default dashboard before the write.
  const before = await windowTotal(page);

  const name = lettersName('Twoinstance');
  await page.goto(`${A}/cases/new`);
  const form = new CaseFormPage(page);
  await expect(page.getByRole('heading', { name: 'Record a detention' })).toBeVisible();
  await form.fillActivist(name);
  await form.chooseCity('Ekibastuz');
  await form.fillDate('Date detained', { on: '2021-01-08' });
  await form.choose({ 'Election or event': 'Mazhilis election 2021' });
  await form.fillSource(0, { url: 'https://news.example.org/two-instances', title: 'Two instances report', publisher: 'Example News' });
  await form.save();
  await expect(page).toHaveURL(new RegExp(`^${A}/cases/\\d+$`));

  // Instance B: the dashboard counts it (its cached view was for the data before the write) …
  expect(await windowTotal(page)).toBe(before + 1);
  // … the case list finds it …
  await page.goto(`${B}/cases?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(1);
  // … and the CSV export carries it.
  const csv = await page.request.get(`${B}/cases/export?format=csv&q=${encodeURIComponent(name)}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(name);
  await context.close();
});

test('a session opened on instance A is valid on B, and signing out on B ends it on A', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${A}/login`);
  await signIn(page, USERS.researcher);
  await expect(page).toHaveURL(`${A}/cases`);

  // Cookies belong to the host, not the port: the same browser now asks B, which knows the session.
  await page.goto(`${B}/cases`);
  await expect(page).toHaveURL(`${B}/cases`);
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();

  // A copy of the cookie, used on A …
  const copy = await browser.newContext();
  await copy.addCookies(await context.cookies());
  const copyPage = await copy.newPage();
  await copyPage.goto(`${A}/cases`);
  await expect(copyPage).toHaveURL(`${A}/cases`);

  // … stops working on A the moment the session is ended on B.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await copyPage.goto(`${A}/cases`);
  await expect(copyPage).toHaveURL(new RegExp(`^${A}/login`));
  await context.close();
  await copy.close();
});
