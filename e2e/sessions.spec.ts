import { expect, signIn, test, USERS } from './fixtures';

test('a session cookie copied before sign-out stops working after it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, USERS.monitor);
  const copied = await context.cookies();

  // The thief's browser, with the same cookies, is signed in for now…
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/cases');
  await expect(thiefPage.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(thiefPage).toHaveURL(/\/cases$/);

  // …until the owner signs out: the server ends the session, not just the owner's cookie.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await thiefPage.goto('/cases');
  await expect(thiefPage).toHaveURL(/\/login/);
  await context.close();
  await thief.close();
});

test('the account page lists sessions, ends another one, and signs out everywhere', async ({ browser }) => {
  const first = await browser.newContext({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36' });
  const second = await browser.newContext({ userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0' });
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, USERS.researcher);
  await signIn(b, USERS.researcher);

  await a.goto('/account');
  await expect(a.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible();
  await expect(a.getByRole('cell', { name: /Chrome on Linux \(this browser\)/ })).toBeVisible();
  await a.getByRole('button', { name: 'End session Firefox on Windows' }).first().click();
  await expect(a.getByRole('button', { name: 'End session Firefox on Windows' })).toHaveCount(0);
  await b.goto('/cases');
  await expect(b).toHaveURL(/\/login/);

  await signIn(b, USERS.researcher);
  await a.goto('/account');
  await a.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(a).toHaveURL(/\/login/);
  await b.goto('/dashboard');
  await expect(b).toHaveURL(/\/login/);
  await first.close();
  await second.close();
});

test('a sign-in link cannot send the browser to another host', async ({ page }) => {
  for (const callbackUrl of ['%2F%09%2Fevil.example', '%2F.%2F%2Fevil.example', '%2F.%5Cevil.example', 'https%3A%2F%2Fevil.example']) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel('Email').fill(USERS.researcher.email);
    await page.getByLabel('Password').fill(USERS.researcher.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    expect(new URL(page.url()).hostname, callbackUrl).toBe('127.0.0.1');
  }
});

test("signing out through Auth.js's own endpoint ends the session on the server too", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, USERS.monitor);
  const copied = await context.cookies();

  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/login' }, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(400);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/cases');
  await expect(thiefPage).toHaveURL(/\/login/);
  await context.close();
  await thief.close();
});
