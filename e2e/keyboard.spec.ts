import type { Locator, Page } from '@playwright/test';
import { expect, test, uniqueName } from './fixtures';

/**
 * Presses Tab (Shift+Tab when `back`) until `target` has focus, as a keyboard user moves through
 * the form; fails if it is never reached (a trap, or a control left out of the tab order).
 */
async function tabTo(page: Page, target: Locator, { back = false, limit = 250 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('a monitor records a detention with the keyboard alone, pickers included', async ({ monitorPage: page }) => {
  await page.goto('/cases');
  // From the top of the page: the skip link, then the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Record a detention' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Record a detention' })).toBeVisible();

  // The person picker: type part of a name on record, arrow down to the suggestion, Enter.
  const activist = page.getByRole('combobox', { name: 'Activist', exact: true });
  await tabTo(page, activist);
  await page.keyboard.type('Toqin', { delay: 30 });
  const people = page.getByRole('listbox', { name: 'People already on record' });
  await expect(people.getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /suggestion/ })).toContainText('Up and Down arrows');
  await page.keyboard.press('ArrowDown');
  await expect(activist).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(activist).toHaveValue('Berikzhan Toqin');
  await expect(page.getByText('An existing person is picked.')).toBeVisible();

  // The city combobox (app/cases/form/place-combobox.tsx).
  const city = page.getByRole('combobox', { name: 'City', exact: true });
  await tabTo(page, city);
  await page.keyboard.type('Aktob', { delay: 30 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(city).toHaveValue('Aktobe');

  const detained = page.getByRole('group', { name: 'Date detained', exact: true }).getByLabel('Date', { exact: true });
  await tabTo(page, detained);
  await page.keyboard.type('2021-01-11');

  // The source picker: a URL with "_" in it is found (the query keeps the underscore).
  const url = page.getByRole('combobox', { name: 'Source URL', exact: true });
  await tabTo(page, url);
  await page.keyboard.type('rferl.org/a/kazakh', { delay: 20 });
  const sources = page.getByRole('listbox', { name: 'Sources already on record' });
  await expect(sources.getByRole('option').first()).toBeVisible();
  // Escape closes the suggestions without picking; typing opens them again.
  await page.keyboard.press('Escape');
  await expect(sources).toBeHidden();
  await page.keyboard.type('-', { delay: 20 });
  await page.keyboard.press('Backspace');
  await expect(sources.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(url).toHaveValue('https://www.rferl.org/a/kazakh-actiivists-elections-crackdown-arrests/31036601.html');

  const notes = page.getByLabel('Public notes', { exact: true });
  await tabTo(page, notes);
  const marker = uniqueName('Recorded by keyboard');
  await page.keyboard.type(marker);

  await tabTo(page, page.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByText(marker)).toBeVisible();
});

test('the source picker finds an address containing "_"', async ({ monitorPage: page }) => {
  const tag = uniqueName('kb').replace(/\W+/g, '');
  const address = `https://news.example.org/under_score_${tag}`;
  // A source with "_" in its address, recorded once…
  await page.goto('/cases/new');
  await page.getByLabel('Activist', { exact: true }).fill(uniqueName('Underscore Person'));
  await page.getByRole('combobox', { name: 'City', exact: true }).fill('Aktobe');
  await page.getByRole('option', { name: /^Aktobe/ }).first().click();
  await page.getByLabel('Source URL', { exact: true }).fill(address);
  await page.getByLabel('Title', { exact: true }).fill(`Underscore report ${tag}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  // …is found again by the part with underscores.
  await page.goto('/cases/new');
  await page.getByLabel('Source URL', { exact: true }).fill(`score_${tag}`);
  await expect(page.getByRole('option', { name: new RegExp(`under_score_${tag}`) })).toBeVisible();
});
