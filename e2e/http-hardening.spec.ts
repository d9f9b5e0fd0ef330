import { expect, test } from './fixtures';

test('every page carries a strict Content-Security-Policy with a fresh nonce, and its scripts carry it', async ({ request, page }) => {
  const first = await request.get('/login');
  const second = await request.get('/login');
  const csp = first.headers()['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(second.headers()['content-security-policy']).not.toBe(csp);

  // The page works under it: scripts run (the form hydrates) and nothing is blocked.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/login');
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByLabel('Password').fill('wrong-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText(/wrong/);
  expect(violations).toEqual([]);
});

test('a server action posted from another site gets 403, not 500', async ({ request }) => {
  const response = await request.post('/login', {
    headers: { origin: 'https://evil.example', 'next-action': '0123456789abcdef0123456789abcdef01234567', 'content-type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  expect(response.status()).toBe(403);
});

test('a path that is not valid percent-encoded UTF-8 is a 404, not a 500', async ({ request }) => {
  for (const path of ['/cases/%FF', '/people/%C0%AF', '/sources/%E2%82']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('a client cannot pick its own address with X-Forwarded-For to escape the sign-in limit', async ({ page }) => {
  const email = `spoofer-${Date.now()}@example.org`;
  await page.goto('/login');
  const alert = page.locator('form').getByRole('alert');
  for (let i = 0; i < 5; i++) {
    // Each attempt claims another address; the server must count the real peer instead.
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `198.51.100.${i}` });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toHaveText('Email or password is wrong, or the account is disabled.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.99' });
  await page.getByLabel('Password').fill('wrong-again');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toHaveText(/Too many sign-in attempts/);
});

// Security regression (session 25): these downloads were plain GETs, so another site's link could
// make a signed-in monitor's browser save restricted records with internal notes (the audit trail
// naming the monitor). Browsers say where a request comes from; the app's own links are same-origin.
test('a file of records asked for by another site is refused; from the app or a typed address it is served', async ({ monitorPage }) => {
  const exportUrl = '/cases/export?format=csv&notes=1';
  const asked = (site: string) => monitorPage.request.get(exportUrl, { headers: { 'sec-fetch-site': site }, maxRedirects: 0 });
  for (const site of ['cross-site', 'same-site']) expect((await asked(site)).status(), site).toBe(403);
  for (const site of ['same-origin', 'none']) expect((await asked(site)).status(), site).toBe(200);
  expect((await monitorPage.request.get('/reports/pdf', { headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 })).status()).toBe(403);
  // Pages are not files: a link from elsewhere to a page still opens it.
  expect((await monitorPage.request.get('/cases', { headers: { 'sec-fetch-site': 'cross-site' } })).status()).toBe(200);
});
