import { expect, test } from './fixtures';

test('a researcher sees the 2021 timeline with election day and clicks through to a city\'s cases', async ({ researcherPage: page }) => {
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

test('a chart bar opens the case list filtered to it, and the page has a data table for each chart', async ({ researcherPage: page }) => {
  await page.goto('/dashboard');
  const charges = page.getByRole('figure', { name: 'By charge' });
  await charges.getByText('Data table').click();
  await charges.getByRole('link', { name: /^Criminal Code art\. 405/ }).click();
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
