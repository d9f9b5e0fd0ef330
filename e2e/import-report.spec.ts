import { readFile } from 'node:fs/promises';
import { pdfText } from '../lib/reports/pdf-text';
import { expect, test, uniqueName } from './fixtures';

const HEADER =
  'activist,activist_cyrillic,city,detained_earliest,charge_1_legal_basis,charge_1_basis_origin,charge_1_text,charge_1_outcome,charge_1_penalty_1_kind,charge_1_penalty_1_amount,charge_1_penalty_1_unit,plea,source_1_url,source_1_title';

function csv(rows: string[]) {
  return { name: 'monitor-cases.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8') };
}

test('a monitor imports a CSV after fixing the row the preview names; a researcher gets the PDF report', async ({ monitorPage: page, researcherPage }) => {
  test.setTimeout(180_000);
  // A unique Kazakh name in Cyrillic, and a unique source.
  const suffix = uniqueName('x').split(' ')[1];
  const name = `Әлия Қасымқызы ${suffix}`;
  const url = `https://news.example.org/import-${suffix}`;
  const good = `${name},,Нұр-Сұлтан,2021-01-06,CoAO art. 488,inferred,calling for protests,convicted,administrative_arrest,10,days,not_guilty,${url},Observer detained`;
  const fixed = `Dana ${suffix},Дана ${suffix},Aktobe,2021-01-05,CoAO art. 488,inferred,,convicted,fine,50000,KZT,guilty,${url},`;
  const bad = fixed.replace('2021-01-05', '2021-13-05');

  await page.goto('/cases');
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import detentions from a CSV file' })).toBeVisible();
  await page.getByLabel('CSV file').setInputFiles(csv([good, bad]));
  await page.getByRole('button', { name: 'Check the file' }).click();

  await expect(page.getByText('2 rows: 1 ready, 1 with problems.')).toBeVisible();
  const badRow = page.getByRole('row', { name: /Row 3/ });
  await expect(badRow).toContainText('Column detained_earliest: Month 13 does not exist: months run from 01 to 12.');
  await expect(page.getByRole('row', { name: /Row 2/ })).toContainText('Ready');

  // Nothing is written by the preview.
  await page.goto(`/cases?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByText('No detentions match.')).toBeVisible();

  // The monitor fixes the file and checks it again.
  await page.goto('/cases/import');
  await page.getByLabel('CSV file').setInputFiles(csv([good, fixed]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('2 rows: 2 ready, no problems.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 detentions.');

  await page.goto(`/cases?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByText('2 detentions')).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByText('Astana').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Observer detained' })).toBeVisible();

  // The researcher downloads the observers' report for these records.
  await researcherPage.goto(`/cases?q=${encodeURIComponent(suffix)}`);
  await researcherPage.getByRole('link', { name: 'PDF report' }).click();
  await expect(researcherPage.getByRole('heading', { name: 'Report for observers (PDF)' })).toBeVisible();
  await expect(researcherPage.getByLabel('Search by activist name')).toHaveValue(suffix);
  // Imported rows are drafts: by default the report leaves them out, and including them takes a confirmation.
  await researcherPage.getByLabel('Include draft (not yet verified) records').check();
  await expect(researcherPage.getByLabel('Include restricted records')).toHaveCount(0);
  await researcherPage.getByRole('button', { name: 'Download the PDF report' }).click();
  await expect(researcherPage).toHaveURL(/\/reports\?.*error=confirm/);
  await expect(researcherPage.getByRole('alert', { name: 'There is a problem' })).toContainText('Tick the confirmation to include draft or restricted records.');
  await expect(researcherPage.getByLabel('Include draft (not yet verified) records')).toBeChecked();
  await expect(researcherPage.getByLabel('Search by activist name')).toHaveValue(suffix);
  await researcherPage.getByLabel(/I confirm: these rows are not for sharing/).check();
  const [download] = await Promise.all([
    researcherPage.waitForEvent('download'),
    researcherPage.getByRole('button', { name: 'Download the PDF report' }).click(),
  ]);
  // The button hears that the file came (the response's one-time cookie, app/reports/download-button.tsx).
  await expect(researcherPage.locator('#report-download-status')).toHaveText('The PDF is ready; your browser saves it.');
  await expect(researcherPage.getByRole('button', { name: 'Download the PDF report' })).not.toHaveAttribute('aria-disabled', 'true');
  expect(download.suggestedFilename()).toMatch(/^detentions-2021-01-05_2021-01-06-generated-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = (await pdfText(await readFile((await download.path())!))).replace(/\s+/g, ' ');
  expect(text).toContain(`DRAFT ${name}`);
  expect(text).toContain(`Дана ${suffix}`);
  expect(text).toContain(url);
  expect(text).toMatch(/Dataset version: [0-9a-f]{12} \(SHA-256 [0-9a-f]{64}\)/);
  expect(text).toContain('Records: 2 matching (2 listed below)');
  expect(text).toContain('NOT FOR SHARING: this file holds 0 restricted and 2 draft (unverified) records');
  // The default (no confirmation) holds none of these drafts.
  const plain = await researcherPage.request.get(`/reports/pdf?q=${encodeURIComponent(suffix)}`);
  expect(plain.status()).toBe(200);
  expect(plain.headers()['x-row-count']).toBe('0');
  // A crafted request: restricted records from a researcher, confirmed or not, are refused.
  expect((await researcherPage.request.get(`/reports/pdf?q=${encodeURIComponent(suffix)}&include=restricted&confirm=1`, { maxRedirects: 0 })).status()).toBe(403);
  expect(text).toContain('Detentions: 2');
});

test('a researcher may not import, even by posting directly', async ({ researcherPage: page }) => {
  await page.goto('/cases');
  await expect(page.getByRole('link', { name: 'Import' })).toHaveCount(0);
  expect((await page.goto('/cases/import'))?.status()).toBe(403);
  expect((await page.request.get('/cases/import/template')).status()).toBe(403);
  const upload = await page.request.post('/cases/import/upload', { multipart: { file: csv(['x,,Aktobe,,,,,,,,https://news.example.org/x,T']) }, maxRedirects: 0 });
  expect(upload.status()).toBe(403);
});

test("a file over the limit gets the app's own message next to the file field, not a server error", async ({ monitorPage: page }) => {
  await page.goto('/cases/import');
  // 6 MB: past the import's 5 MB, and past the 1 MB a server action's body may have.
  const big = `${HEADER}\r\n${'x'.repeat(6 * 1024 * 1024)}\r\n`;
  await page.getByLabel('CSV file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  // (Next's route announcer is an empty alert too.)
  await expect(page.getByRole('alert').filter({ hasText: 'larger than' })).toHaveText('The file is larger than 5 MB: split it into smaller files.');
  await expect(page.getByLabel('CSV file')).toHaveAccessibleDescription(/The file is larger than 5 MB/);
  await expect(page).toHaveURL(/\/cases\/import\?error=fileTooLarge$/);
});
