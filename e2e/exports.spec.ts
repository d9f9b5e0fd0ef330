import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, test, uniqueName } from './fixtures';
import { CaseFormPage } from './pages/case-form';

test('a researcher downloads the filtered list as CSV with its sources, and an admin sees it logged', async ({ researcherPage: page, adminPage }) => {
  await page.goto('/cases?q=Serikbaev');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^detentions-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // Other specs may record more detentions of this demo person: look for the demo record among them.
  const [header, ...rows] = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(header).toMatch(/^id,link,activist,/);
  const columns = header.split(',');
  expect(columns).not.toContain('internal_notes');
  for (const column of ['place_precision', 'detained_earliest', 'detained_qualifier', 'public_notes', 'custody_status', 'charge_1_legal_basis', 'charge_1_basis_origin', 'charge_1_penalty_1_unit', 'event_1_kind'])
    expect(columns).toContain(column);
  const demo = rows.find((r) => r.includes('https://www.rferl.org/a/kazakh-actiivists-elections-crackdown-arrests/31036601.html'));
  expect(demo).toContain('Ghadilbek Serikbaev');
  // The article names no law: the legal basis is the monitor's inference, and the file says so.
  const [values] = parse(demo!) as string[][];
  const cells = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  expect(cells).toMatchObject({ charge_1_legal_basis: 'CoAO art. 488', charge_1_basis_origin: 'inferred', charge_1_penalty_1_amount: '15', charge_1_penalty_1_unit: 'days' });
  // The record's link names the host the reader used.
  expect(demo).toMatch(/,http:\/\/127\.0\.0\.1:\d+\/cases\/\d+,/);

  // Asking for notes as a researcher changes nothing.
  const forged = await page.request.get('/cases/export?format=csv&notes=1&q=Serikbaev');
  expect(forged.status()).toBe(200);
  expect((await forged.text()).split('\r\n')[0]).not.toContain('internal_notes');

  await adminPage.goto('/cases');
  await adminPage.getByRole('link', { name: 'Export log' }).click();
  const entry = adminPage.getByRole('row').filter({ hasText: 'Demo Researcher' }).filter({ hasText: 'q=Serikbaev' }).first();
  await expect(entry).toContainText('CSV');
  await expect(entry.getByRole('cell').last()).toHaveText(String(rows.length));
});

test('XLSX and JSON exports carry the same records', async ({ monitorPage: page }) => {
  const json = await page.request.get('/cases/export?format=json&q=Toqin');
  expect(json.headers()['content-type']).toContain('application/json');
  const body = await json.json();
  expect(body.detentions.length).toBeGreaterThan(0);
  expect(new Set(body.detentions.map((d: { activist: string }) => d.activist))).toEqual(new Set(['Berikzhan Toqin']));
  expect(body.count).toBe(body.detentions.length);
  expect(body.detentions[0].sources[0].title).toContain('Kazakh Activists');
  const demo = body.detentions.find((d: { sources: { url: string }[] }) => d.sources[0].url.includes('31036601'));
  expect(demo).toMatchObject({
    place_precision: 'city',
    city: 'Aktobe',
    detained: { earliest: '2021-01-04', latest: '2021-01-04', qualifier: 'exact' },
    charges: [{ legal_basis: 'CoAO art. 488', basis_origin: 'inferred', outcome: 'convicted', penalties: [{ kind: 'administrative_arrest', amount: 7, unit: 'days' }] }],
  });
  const xlsx = await page.request.get('/cases/export?format=xlsx&q=Toqin');
  expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Detentions')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(sheet.rowCount).toBe(body.detentions.length + 1);
  const rows = Array.from({ length: body.detentions.length }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
  const row = rows.find((r) => r[header.indexOf('id')] === demo.id)!;
  expect(row[header.indexOf('charge_1_basis_origin')]).toBe('inferred');
  // Numbers stay numbers in the spreadsheet.
  expect(row[header.indexOf('charge_1_penalty_1_amount')]).toBe(7);
  expect((await page.request.get('/cases/export?format=exe')).status()).toBe(400);
});

test('an export after an edit shows the edit (the cells the first export stored are cleared by the save)', async ({ monitorPage: page }) => {
  const name = uniqueName('Exported Then Edited');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Kostanay');
  await form.fill({ Court: 'Court before the edit' });
  await form.fillSource(0, { url: `https://news.example.org/${name.replace(/\W+/g, '-').toLowerCase()}`, title: 'Kostanay report' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const recordUrl = new URL(page.url()).pathname;

  const exported = async () => {
    const json = await (await page.request.get(`/cases/export?format=json&q=${encodeURIComponent(name)}`)).json();
    const csv = await (await page.request.get(`/cases/export?format=csv&q=${encodeURIComponent(name)}`)).text();
    return { courts: json.detentions.map((d: { court: string }) => d.court), csv };
  };
  const before = await exported();
  expect(before.courts).toEqual(['Court before the edit']);
  expect(before.csv).toContain('Court before the edit');

  await page.goto(`${recordUrl}/edit`);
  await page.getByLabel('Court').fill('Court after the edit');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`${recordUrl}$`));

  const after = await exported();
  expect(after.courts).toEqual(['Court after the edit']);
  expect(after.csv).toContain('Court after the edit');
  expect(after.csv).not.toContain('Court before the edit');
});

test('only admins see the export log', async ({ monitorPage }) => {
  expect((await monitorPage.goto('/admin/exports'))?.status()).toBe(403);
});
