import { expect, test } from './fixtures';

test('a researcher sees the 2021 timeline with election day and clicks through to a city\'s cases', async ({ researcherPage: page }) => {
  await page.goto('/cases');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Pre-election crackdown: dashboard' })).toBeVisible();
  await expect(page.getByLabel('Election lens')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Election lens').locator('option:checked')).toHaveText('Mazhilis election 2021 (2021-01-10)');

  const timeline = page.getByRole('figure', { name: 'Detentions per day, relative to election day' });
  await expect(timeline).toContainText('Election day');
  await expect(timeline).toContainText('Mazhilis election 2021 (2021-01-10)');
  await expect(page.getByText('Counting detentions from 2020-11-11 to 2021-02-09')).toBeVisible();

  // The map's Aktobe mark opens Aktobe's cases.
  await page.getByRole('link', { name: /^Aktobe: \d+ detentions?$/ }).click();
  await expect(page).toHaveURL(/\/cases\?.*city=\d+/);
  await expect(page.getByRole('heading', { name: 'Detentions' })).toBeVisible();
  for (const name of ['Aitzhan Temirghaziev', 'Berikzhan Toqin', 'Asylkhan Zhaubatyrov']) {
    await expect(page.getByRole('link', { name }).first()).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Ghadilbek Serikbaev' })).toHaveCount(0);
  await expect(page.getByLabel('City', { exact: true }).locator('option:checked')).toHaveText('Aktobe');
});

test('a detention known only as "on or before" is counted as date uncertain, never dropped, and opens from the dashboard', async ({ researcherPage: page }) => {
  await page.goto('/dashboard');
  const uncertain = page.getByRole('group', { name: 'Date uncertain' });
  // Other tests add records to the shared database meanwhile: at least the demo's one.
  await expect(uncertain).toContainText(/\d+ detentions? counted here ha(s|ve) no day on this axis/);
  await uncertain.getByRole('link', { name: 'Open the detentions of uncertain date' }).click();
  await expect(page).toHaveURL(/\/cases\?.*dated=uncertain/);
  await expect(page.getByRole('link', { name: 'Nurzhan Mukhammedov' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Berikzhan Toqin' })).toHaveCount(0);

  // On the sentence-date axis the records without a sentence day are the uncertain ones.
  await page.goto('/dashboard');
  // The filters are folded behind a disclosure.
  await page.getByText('Filters and view').click();
  await page.getByLabel('Place records on the timeline by').selectOption({ label: 'Sentence date' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/axis=sentenced/);
  await expect(page.getByText('Placed by sentence date.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Date uncertain' })).toContainText(/[1-9]\d* detentions? counted here/);
  await expect(page.getByRole('figure', { name: 'Detentions per day, relative to election day' })).toContainText('Election day');
});

test('charges are counted by article and part, marked stated or inferred; custody figures open the case list', async ({ researcherPage: page }) => {
  await page.goto('/dashboard');
  const charges = page.getByRole('figure', { name: 'Charges by article and part' });
  await expect(charges).toContainText('Article inferred by the monitor');
  await charges.getByText('Data table').click();
  // The demo's four CoAO 488 records, inferred (other tests may add more meanwhile).
  await expect(charges.getByRole('row', { name: /CoAO art\. 488 \(part not stated\)/ })).toContainText(/stated \d+, inferred ([4-9]|\d{2,})/);
  await expect(page.getByRole('group', { name: 'Money: fines by currency' })).toBeVisible();
  await page.getByRole('link', { name: /^In custody now: \d+$/ }).click();
  await expect(page).toHaveURL(/\/cases\?.*custody=held/);
  await expect(page.getByRole('heading', { name: 'Detentions' })).toBeVisible();
});

test('a chart bar opens the case list filtered to it, and the page has a data table for each chart', async ({ researcherPage: page }) => {
  await page.goto('/dashboard');
  const charges = page.getByRole('figure', { name: 'Charges by article and part' });
  await charges.getByText('Data table').click();
  await charges.getByRole('link', { name: /^Criminal Code art\. 405 \(part not stated\)/ }).click();
  await expect(page).toHaveURL(/charge=\d+/);
  await expect(page.getByRole('link', { name: 'Nurzhan Mukhammedov' })).toBeVisible();

  await page.goto('/dashboard');
  // Clicking a bar in the server-drawn chart works too.
  const cities = page.getByRole('figure', { name: 'Ranked by city' });
  await cities.locator('svg path[ecmeta_series_index="0"]').first().click();
  await expect(page).toHaveURL(/\/cases\?.*city=\d+/);
});

test('filters carry over and restricted cases are not counted for researchers', async ({ monitorPage, researcherPage }) => {
  await monitorPage.goto('/dashboard?region=Aktobe+Region');
  await expect(monitorPage.getByText('Counting detentions from 2020-11-11')).toBeVisible();
  await researcherPage.goto('/dashboard?region=Aktobe+Region');
  await expect(researcherPage.getByText('Restricted records are not counted for your role.')).toBeVisible();
  await expect(researcherPage.getByRole('figure', { name: 'Ranked by city' })).toContainText('Aktobe');
});
