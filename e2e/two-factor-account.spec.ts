import { addUser, expect, signIn, test, uniqueName, USERS } from './fixtures';
import { AccountSecurityPage } from './pages/account-security';

test('a user turns on two-factor sign-in, gets recovery codes once, and an admin resets it', async ({ adminPage, browser }) => {
  // A user of its own, so the demo logins stay as they are for the other specs.
  const email = `${uniqueName('twofa').replace(/\s+/g, '.')}@example.org`;
  const password = 'a-long-enough-password';
  await addUser(adminPage, { email, name: 'Two Factor Monitor', role: 'Monitor', password });

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password });
  const security = new AccountSecurityPage(page);
  await security.open();
  await expect(page.getByText('Two-factor sign-in is off')).toBeVisible();

  // The password is asked again, and a wrong one is refused beside its field.
  await security.startEnrolment('not-my-password');
  await expect(page.getByLabel('Your current password')).toHaveAccessibleDescription(/not your current password/);
  await security.startEnrolment(password);
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = await security.manualKey();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const codeField = page.getByLabel('6-digit code from the app');
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(codeField).toHaveAttribute('inputmode', 'numeric');

  await security.confirm('000000');
  await expect(codeField).toHaveAccessibleDescription(/wrong or was used/);
  await security.confirm(AccountSecurityPage.codeFor(secret));
  const codes = await security.recoveryCodes();
  for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{2}$/);
  await page.getByRole('link', { name: 'I have stored my recovery codes' }).click();
  await expect(page.getByText('Two-factor sign-in is on. 10 recovery codes left.')).toBeVisible();
  // Shown once: the page never shows them again.
  await expect(page.getByText(codes[0])).toHaveCount(0);

  // Signing in now takes a second factor; a recovery code works once (a TOTP code's step was just used).
  const second = await browser.newContext();
  const again = await second.newPage();
  await again.goto('/login');
  await again.getByLabel('Email').fill(email);
  await again.getByLabel('Password').fill(password);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await again.getByLabel('Code').fill(codes[0].toUpperCase());
  await again.getByRole('button', { name: 'Verify' }).click();
  await expect(again).toHaveURL(/\/cases$/);
  await security.open();
  await expect(page.getByText('Two-factor sign-in is on. 9 recovery codes left.')).toBeVisible();
  await second.close();

  // The admin sees it on, and resets it with their own password.
  await adminPage.goto('/admin/users');
  const row = adminPage.getByRole('row').filter({ hasText: email });
  await expect(row.getByRole('cell', { name: /^On/ })).toBeVisible();
  await row.getByText('Reset two-factor', { exact: true }).click();
  await row.getByLabel('Your own password').fill('not-the-admin-password');
  await row.getByRole('button', { name: `Reset two-factor sign-in of ${email}` }).click();
  await expect(row.getByLabel('Your own password')).toHaveAccessibleDescription(/not your current password/);
  await row.getByLabel('Your own password').fill(USERS.admin.password);
  await row.getByRole('button', { name: `Reset two-factor sign-in of ${email}` }).click();
  await expect(row.getByRole('status')).toContainText('was reset');

  // A reset means a lost or stolen phone: the user's sessions end with it.
  await page.goto('/account/security');
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, { email, password });
  await security.open();
  await expect(page.getByText('Two-factor sign-in is off')).toBeVisible();
  await context.close();
});

test('an admin requires two-factor sign-in for a role, and its users are sent to set it up', async ({ adminPage, researcherPage }) => {
  // Only admins set the policy, refused by the server, not just hidden.
  expect((await researcherPage.goto('/admin/security'))?.status()).toBe(403);
  const box = adminPage.getByLabel('Require two-factor sign-in for Researcher');
  await adminPage.goto('/admin/security');
  await expect(box).not.toBeChecked();
  await box.check();
  await adminPage.getByRole('button', { name: 'Save the sign-in policy' }).click();
  await expect(adminPage.getByRole('status')).toContainText('saved');
  try {
    await adminPage.reload();
    await expect(box).toBeChecked();
    await expect(adminPage.getByLabel('Require two-factor sign-in for Monitor')).not.toBeChecked();

    await researcherPage.goto('/cases');
    await expect(researcherPage).toHaveURL(/\/account\/security\?required=1$/);
    await expect(researcherPage.getByRole('status')).toContainText('Your role requires two-factor sign-in');
    await expect(researcherPage.getByRole('button', { name: 'Set up two-factor sign-in' })).toBeVisible();
  } finally {
    // Back to the default, so the demo researcher signs in as before.
    await adminPage.goto('/admin/security');
    await box.uncheck();
    await adminPage.getByRole('button', { name: 'Save the sign-in policy' }).click();
    await expect(adminPage.getByRole('status')).toContainText('saved');
  }
  await adminPage.reload();
  await expect(box).not.toBeChecked();
});
