import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

test('the city combobox finds a place by any spelling, by keyboard, and the case keeps it', async ({ monitorPage: page }) => {
  const form = new CaseFormPage(page);
  await form.openNew();
  const city = form.city();

  // Part of an old name finds the place under its current one, and says which spelling matched.
  await city.fill('Nur');
  await expect(city).toHaveAttribute('aria-expanded', 'true');
  await expect(form.cityOptions().first()).toHaveText(/^Astana — matched “Nur-Sultan” Astana$/);
  await expect(page.getByRole('status').filter({ hasText: /places? match/ })).toHaveCount(1);

  // Cyrillic, and a declined form, find Oral.
  await city.fill('в Уральске');
  await expect(form.cityOptions().first()).toHaveText(/^Oral — matched “Уральск” West Kazakhstan Region$/);
  await city.fill('Уральск');
  await expect(form.cityOptions().first()).toHaveText(/^Oral — matched “Уральск”/);

  // Keyboard: arrows move the active option (focus stays in the input), Enter chooses without submitting.
  await city.press('ArrowDown');
  const active = await city.getAttribute('aria-activedescendant');
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`[id="${active}"]`)).toHaveText(/^Oral/);
  await expect(city).toBeFocused();
  await city.press('Enter');
  await expect(city).toHaveValue('Oral');
  await expect(city).toHaveAttribute('aria-expanded', 'false');
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(page.getByText('Oral, West Kazakhstan Region')).toBeVisible();

  // Escape closes the list, a second Escape clears the field.
  await city.fill('Ak');
  await expect(city).toHaveAttribute('aria-expanded', 'true');
  await city.press('Escape');
  await expect(city).toHaveAttribute('aria-expanded', 'false');
  await city.press('Escape');
  await expect(city).toHaveValue('');

  // Text naming nothing says so to everyone.
  await city.fill('Zzyzx');
  await expect(page.getByText('No place matches “Zzyzx”', { exact: false })).toBeVisible();

  // A whole name typed in Kazakh and left (Tab) is chosen without the list.
  await city.fill('Ақтөбе');
  await city.press('Tab');
  await expect(city).toHaveValue('Aktobe');

  // Chosen by keyboard again and saved: the case page shows the city.
  await city.fill('Орал');
  await city.press('ArrowDown');
  await city.press('Enter');
  await expect(city).toHaveValue('Oral');
  const name = uniqueName('Combobox Person');
  await form.fillActivist(name);
  await form.fillDate('Date detained', { on: '2021-01-08' });
  await form.fillCharge(1, { article: 'CoAO art. 488', basis: 'inferred', text: 'calling for illegal protests' });
  await form.fillSource(0, { url: 'https://news.example.org/combobox-oral', title: 'Activist detained in Uralsk' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { name: `Detention of ${name}` })).toBeVisible();
  await expect(page.getByText(/^Oral \(West Kazakhstan Region\)/)).toBeVisible();
});

test('without JavaScript the city is a plain list of every place', async ({ browser, monitorPage }) => {
  // Signed in with JavaScript (the sign-in form needs it), then the form is opened without.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await monitorPage.context().storageState() });
  const page = await context.newPage();
  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { name: 'Record a detention' })).toBeVisible();
  const city = page.getByRole('combobox', { name: 'City', exact: true });
  await expect(city).toHaveCount(1);
  // A select (its options are every place, posted as the place id), not the text combobox.
  expect(await city.evaluate((el) => el.tagName)).toBe('SELECT');
  expect(await city.locator('option').count()).toBeGreaterThan(150);
  await expect(city.locator('option', { hasText: /^Oral \(Uralsk/ })).toHaveAttribute('value', /^\d+$/);
  await context.close();
});
