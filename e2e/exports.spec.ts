import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('a researcher downloads the filtered list as CSV with its sources, and an admin sees it logged', async ({ researcherPage: page, adminPage }) => {
  await page.goto('/cases?q=Serikbaev');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^detentions-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // Other specs may record more detentions of this demo person: look for the demo record among them.
  const [header, ...rows] = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(header).toMatch(/^id,link,activist,/);
  expect(header).not.toContain(',notes,');
  const demo = rows.find((r) => r.includes('https://www.rferl.org/a/kazakh-actiivists-elections-crackdown-arrests/31036601.html'));
  expect(demo).toContain('Ghadilbek Serikbaev');
  // The record's link names the host the reader used.
  expect(demo).toMatch(/,http:\/\/127\.0\.0\.1:\d+\/cases\/\d+,/);

  // Asking for notes as a researcher changes nothing.
  const forged = await page.request.get('/cases/export?format=csv&notes=1&q=Serikbaev');
  expect(forged.status()).toBe(200);
  expect((await forged.text()).split('\r\n')[0]).not.toContain('notes');

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
  const xlsx = await page.request.get('/cases/export?format=xlsx&q=Toqin');
  expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  expect((await page.request.get('/cases/export?format=exe')).status()).toBe(400);
});

test('only admins see the export log', async ({ monitorPage }) => {
  expect((await monitorPage.goto('/admin/exports'))?.status()).toBe(403);
});
