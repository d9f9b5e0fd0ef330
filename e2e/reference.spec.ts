import { expect, test } from './fixtures';

const ARTICLE = 'https://www.rferl.org/a/kazakh-actiivists-elections-crackdown-arrests/31036601.html';

const RECORDS = [
  { name: 'Ghadilbek Serikbaev', city: 'Astana', date: '2021-01-06', sentence: 'Administrative arrest, 15 days' },
  { name: 'Aitzhan Temirghaziev', city: 'Aktobe', date: '2021-01-04', sentence: 'Administrative arrest, 7 days' },
  { name: 'Berikzhan Toqin', city: 'Aktobe', date: '2021-01-04', sentence: 'Administrative arrest, 7 days' },
  { name: 'Asylkhan Zhaubatyrov', city: 'Aktobe', date: '2021-01-04', sentence: 'Administrative arrest, 7 days' },
  { name: 'Nurzhan Mukhammedov', city: 'Shymkent', date: 'on or before 2021-01-31', sentence: 'Unknown' },
];

test('the five records of the reference article are there, each citing it', async ({ researcherPage: page }) => {
  for (const record of RECORDS) {
    await page.goto(`/cases?q=${encodeURIComponent(record.name)}`);
    // Other tests may add later detentions of the same people: find the reported one.
    // The intake test saves drafts of the same article: the reviewed records are the ones meant here.
    const row = page
      .getByRole('row')
      .filter({ hasText: record.name })
      .filter({ hasText: record.date })
      .filter({ hasText: record.sentence })
      .filter({ hasNot: page.getByRole('cell', { name: 'Draft', exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(record.city);
    await row.getByRole('link', { name: record.name }).click();
    // The article names no article of law: the legal basis is the monitor's inference, and says so.
    await expect(page.getByRole('region', { name: 'Charges' })).toContainText('inferred by the monitor');
    await expect(page.getByRole('region', { name: 'Charges' })).not.toContainText('stated by the source');
    const link = page.getByRole('region', { name: 'Sources' }).getByRole('link', { name: /Kazakh Activists Warn Of Crackdown/ });
    await expect(link).toHaveAttribute('href', ARTICLE);
  }
  await page.getByRole('link', { name: '(all cases citing it)' }).click();
  for (const record of RECORDS) await expect(page.getByRole('link', { name: record.name }).first()).toBeVisible();
});
