import { TOTP } from 'otpauth';
import { addUser, expect, signIn, test, uniqueName } from './fixtures';
import { AccountSecurityPage } from './pages/account-security';

/** The code the phone shows half a minute from now: a later time step than the one just used. */
function nextCode(secret: string): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + 30_000 });
}

test('enrol, sign out (a copied cookie dies with it), sign in with a code, then with a recovery code; the admin sees it all in the audit trail', async ({ adminPage, browser }) => {
  const email = `${uniqueName('second-factor').replace(/\s+/g, '.')}@example.org`;
  const password = 'another-long-password';
  await addUser(adminPage, { email, name: 'Second Factor Monitor', role: 'Monitor', password });

  // Enrol.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password });
  const security = new AccountSecurityPage(page);
  await security.open();
  await security.startEnrolment(password);
  const secret = await security.manualKey();
  await security.confirm(AccountSecurityPage.codeFor(secret));
  const codes = await security.recoveryCodes();

  // Sign out; a copy of the session cookie taken before stops working.
  const copied = await context.cookies();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/cases');
  await expect(thiefPage).toHaveURL(/\/login/);
  await thief.close();

  // Sign in with the password, then a code from the app; a wrong code first is refused.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('That code is not right');
  await page.getByLabel('Code').fill(nextCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/cases$/);

  // Sign out, and in again with a recovery code.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code').fill(codes[3]);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await context.close();

  // The admin finds each step in the audit trail, under that user.
  await adminPage.goto('/admin/audit');
  await adminPage.getByLabel('Who').selectOption({ label: `Second Factor Monitor (${email})` });
  await adminPage.getByRole('button', { name: 'Apply filters' }).click();
  const rows = adminPage.getByRole('row');
  for (const action of ['Signed in', 'Two-factor enabled', 'Signed out', 'Second factor failed', 'Recovery code used']) {
    await expect(rows.filter({ hasText: action }).first(), action).toBeVisible();
  }
  await expect(rows.filter({ hasText: 'Signed in' })).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Signed out' })).toHaveCount(2);
});
