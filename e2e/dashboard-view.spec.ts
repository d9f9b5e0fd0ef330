import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('at 1280×800 the headline and the election timeline are in view without scrolling', async ({ researcherPage: page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/dashboard');
  const headline = page.locator('#headline');
  // "N detentions in the 60 days before the Mazhilis election 2021 on January 10, 2021, …"
  await expect(headline).toContainText(/\d+ detentions? in the 60 days before the Mazhilis election 2021/);
  const timeline = page.getByRole('figure', { name: 'Detentions per day, relative to election day' });
  await expect(timeline.locator('.chart-wide svg')).toBeVisible();
  for (const box of [await headline.boundingBox(), await timeline.locator('.chart-wide svg').boundingBox()]) {
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
  }
  // The chart fills its column.
  const column = await timeline.boundingBox();
  expect((await timeline.locator('.chart-wide svg').boundingBox())!.width).toBeGreaterThan(column!.width * 0.9);
  // The filters are folded; the contents lead to every section.
  await expect(page.getByLabel('Election lens')).toBeHidden();
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Where' }).click();
  await expect(page).toHaveURL(/#where-heading$/);
});

test('active filters are chips; removing one keeps the others; an empty view says so and offers to clear', async ({ researcherPage: page }) => {
  await page.goto('/dashboard');
  await page.getByText('Filters and view').click();
  await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Aktobe Region' });
  await page.getByLabel('Role of the person', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/region=Aktobe/);
  const chips = page.getByRole('group', { name: 'Active filters:' });
  await expect(chips.getByRole('link', { name: /^Remove filter: Region Aktobe Region$/ })).toBeVisible();
  await expect(chips.getByRole('link', { name: /^Remove filter: Role of the person / })).toBeVisible();
  await chips.getByRole('link', { name: /^Remove filter: Role of the person / }).click();
  await expect(page).not.toHaveURL(/role=/);
  await expect(page).toHaveURL(/region=Aktobe/);
  await expect(page.getByRole('link', { name: /^Remove filter: Role of the person / })).toHaveCount(0);
  await expect(page.locator('#headline')).toContainText('Narrowed by 1 filter');

  // Two days long before any record: nothing to count, said in words, with the way out.
  await page.goto('/dashboard?from=1901-01-01&to=1901-01-02');
  await expect(page.locator('#headline')).toContainText('No detentions match these filters.');
  await expect(page.getByRole('figure', { name: 'Ranked by city' })).toHaveCount(0);
  await page.locator('#headline').getByRole('link', { name: 'Clear all filters' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('a chart downloads as PNG and SVG, and its data as CSV, counted as the page counts', async ({ researcherPage: page }) => {
  await page.goto('/dashboard?region=Aktobe+Region');
  const cities = page.getByRole('figure', { name: 'Ranked by city' });
  const save = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), cities.getByRole('link', { name }).click()]);
    return { file: download.suggestedFilename(), body: await readFile((await download.path())!) };
  };
  const png = await save('PNG: Ranked by city');
  expect(png.file).toMatch(/^dashboard_cities_election-2021-01-10_filtered_\d{4}-\d{2}-\d{2}\.png$/);
  expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.body.length).toBeGreaterThan(2000);
  const svg = await save('SVG: Ranked by city');
  expect(svg.file).toMatch(/\.svg$/);
  expect(svg.body.toString('utf8')).toContain('<title>Ranked by city</title>');
  expect(svg.body.toString('utf8')).toContain('Aktobe');
  const csv = await save('Data (CSV): Ranked by city');
  const lines = csv.body.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Item,Detentions');
  expect(lines.some((l) => /^Aktobe,[1-9]\d*$/.test(l))).toBe(true);
  // Nothing outside the region.
  expect(lines.some((l) => l.startsWith('Almaty,'))).toBe(false);

  // The same route is guarded: signed out, it sends to the login page; an unknown chart is 404.
  expect((await page.request.get('/dashboard/chart/nothing.csv')).status()).toBe(404);
  const anonymous = await page.context().browser()!.newContext();
  const response = await anonymous.request.get('/dashboard/chart/cities.csv', { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(response.status());
  await anonymous.close();
});
