import { expect, signIn, test, uniqueName } from './fixtures';

test('an admin creates a user who can then sign in, and disables them', async ({ adminPage: page, browser }) => {
  const email = `${uniqueName('new').replace(/\s+/g, '.')}@example.org`;
  await page.goto('/admin/users');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name', { exact: true }).fill('New Researcher');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Researcher' });
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/At least 12 characters/);
  await expect(page.getByLabel('Email')).toHaveValue(email);

  await page.getByLabel('Password').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status')).toContainText('can sign in now');
  await expect(page.getByRole('cell', { name: email, exact: true })).toBeVisible();

  const context = await browser.newContext();
  const newUser = await context.newPage();
  await signIn(newUser, { email, password: 'a-long-enough-password' });
  await expect(newUser.getByText('New Researcher (Researcher)')).toBeVisible();

  // Disabled, the account loses access at once, session or not.
  await page.getByLabel(`Access of ${email}`).selectOption({ label: 'Disabled' });
  // The select shows "Disabled" before the save lands, so wait for the action's answer itself.
  const saved = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/users');
  await page.getByRole('button', { name: `Save ${email}` }).click();
  expect((await saved).ok()).toBe(true);
  await expect(page.getByLabel(`Access of ${email}`)).toHaveValue('true');
  await newUser.goto('/cases');
  await expect(newUser).toHaveURL(/\/login/);
  await context.close();
});

test('a monitor deletes a record and an admin restores it', async ({ monitorPage, adminPage }) => {
  const { CaseFormPage } = await import('./pages/case-form');
  const name = uniqueName('Deleted By Mistake');
  const form = new CaseFormPage(monitorPage);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Kokshetau');
  await form.fillSource(0, { url: 'https://news.example.org/kokshetau', title: 'Kokshetau report' });
  await form.save();
  await expect(monitorPage).toHaveURL(/\/cases\/\d+$/);

  await monitorPage.getByLabel('Reason for the change').fill('Entered twice');
  await monitorPage.getByRole('button', { name: 'Delete this record' }).click();
  await expect(monitorPage).toHaveURL(/\/cases$/);
  await monitorPage.goto(`/cases?q=${encodeURIComponent(name)}`);
  await expect(monitorPage.getByText('No detentions match.')).toBeVisible();
  // Monitors cannot undo; the page for it is admins' only.
  expect((await monitorPage.goto('/admin/deleted'))?.status()).toBe(403);

  await adminPage.goto('/admin/deleted');
  await adminPage.getByRole('button', { name: `Restore ${name}, Kokshetau` }).click();
  await expect(adminPage).toHaveURL(/\/cases\/\d+$/);
  await expect(adminPage.getByText('Restored')).toBeVisible();
  await monitorPage.goto(`/cases?q=${encodeURIComponent(name)}`);
  await expect(monitorPage.getByRole('link', { name })).toBeVisible();
});
