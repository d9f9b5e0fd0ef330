import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, onServerDatabase, rawMessageKeys, signIn, SWEEP_RUNS_ONCE, test, USERS, type RoleName } from './fixtures';
import { CaseFormPage } from './pages/case-form';
import { pagesOf } from './pages/site-pages';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe-core groups under these tags. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function violationsOn(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

test('the sign-in page has no WCAG 2.2 AA violation, nor its refusal', async ({ page }) => {
  await page.goto('/login');
  expect(await violationsOn(page)).toEqual([]);
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
});

for (const role of ['admin', 'monitor', 'researcher'] as RoleName[]) {
  test(`every page a ${role} can open has no WCAG 2.2 AA violation, nor an untranslated key`, async ({ page }) => {
    test.skip(onServerDatabase, SWEEP_RUNS_ONCE);
    test.setTimeout(240_000);
    await signIn(page, USERS[role]);
    const found: Record<string, string[]> = {};
    for (const url of await pagesOf(page)) {
      await page.goto(url);
      await expect(page.locator('main h1').first()).toBeVisible();
      // A message key in place of its text: a namespace the page did not send to the browser.
      const violations = [...(await violationsOn(page)), ...(await rawMessageKeys(page)).map((key) => `untranslated key: ${key}`)];
      if (violations.length) found[url] = violations;
    }
    expect(found).toEqual({});
  });
}

test('the case form refused has no WCAG 2.2 AA violation; its error summary is focused and leads to each field', async ({ monitorPage: page }) => {
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillDate('Date detained', { on: '2021-02-45' });
  await form.save();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Date detained — Date: Day 45 does not exist in February 2021: it has 28 days\./ })).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
  await summary.getByRole('link', { name: 'Source 1 — Source URL: Required.' }).click();
  await expect(page.getByLabel('Source URL', { exact: true })).toBeFocused();
  await expect(form.dateGroup('Date detained').getByLabel('Date', { exact: true })).toHaveAccessibleDescription(/Day 45 does not exist in February 2021/);
});
