import { expect, test, uniqueName } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The import page with the detention model of issue #8: a record with no city (region only), two
 * charges with parts (one stated, one inferred) and different outcomes, a USD and an MCI fine, an
 * "on or before" detention date, a hearing and a release; then its own export imported again.
 */

const COLUMNS = [
  'activist', 'place_precision', 'city', 'region',
  'detained_earliest', 'detained_latest', 'detained_qualifier', 'detained_as_reported',
  'charge_1_vocabulary', 'charge_1_part', 'charge_1_basis_origin', 'charge_1_text', 'charge_1_outcome',
  'charge_1_penalty_1_kind', 'charge_1_penalty_1_amount', 'charge_1_penalty_1_unit', 'charge_1_penalty_1_as_reported',
  'charge_1_penalty_2_kind', 'charge_1_penalty_2_amount', 'charge_1_penalty_2_unit',
  'charge_2_legal_basis', 'charge_2_part', 'charge_2_basis_origin', 'charge_2_text', 'charge_2_outcome',
  'event_1_kind', 'event_1_earliest', 'event_1_place_detail', 'event_1_source_url',
  'event_2_kind', 'event_2_earliest',
  'public_notes', 'source_1_url', 'source_1_title',
];

function file(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

async function importFile(page: Page, upload: ReturnType<typeof file>, summary: string) {
  await page.goto('/cases/import');
  await page.getByLabel('CSV file').setInputFiles(upload);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText(summary)).toBeVisible();
}

type Detention = Record<string, unknown> & { id: number; link: string };

async function exportedJson(page: Page, q: string): Promise<Detention[]> {
  const response = await page.request.get(`/cases/export?format=json&q=${encodeURIComponent(q)}`);
  expect(response.status()).toBe(200);
  return (await response.json()).detentions;
}

test('a monitor imports the new columns, and a record exported then imported again is identical', async ({ monitorPage: page }) => {
  const suffix = uniqueName('x').split(' ')[1];
  const url = `https://news.example.org/import-model-${suffix}`;
  const row: Record<string, string> = {
    activist: `Aigerim Model ${suffix}`,
    place_precision: 'region',
    region: 'Almaty Region',
    detained_latest: '2019-03-18',
    detained_qualifier: 'on_or_before',
    detained_as_reported: 'became known on the evening of Monday 18 March',
    charge_1_vocabulary: 'coao-488',
    charge_1_part: '3',
    charge_1_basis_origin: 'stated',
    charge_1_text: 'calling for an unsanctioned rally',
    charge_1_outcome: 'convicted',
    charge_1_penalty_1_kind: 'fine',
    charge_1_penalty_1_amount: '135',
    charge_1_penalty_1_unit: 'USD',
    charge_1_penalty_1_as_reported: 'about $135',
    charge_1_penalty_2_kind: 'fine',
    charge_1_penalty_2_amount: '30',
    charge_1_penalty_2_unit: 'MCI',
    charge_2_legal_basis: 'CoAO art. 489',
    charge_2_part: '2',
    charge_2_basis_origin: 'inferred',
    charge_2_text: 'membership of an unregistered group',
    charge_2_outcome: 'acquitted',
    event_1_kind: 'hearing_held',
    event_1_earliest: '2019-03-20',
    event_1_place_detail: 'Medeu district court',
    event_1_source_url: url,
    event_2_kind: 'released',
    event_2_earliest: '2019-03-25',
    public_notes: 'Family informed',
    source_1_url: url,
    source_1_title: 'Activist fined',
  };
  const csv = `${COLUMNS.join(',')}\r\n${COLUMNS.map((c) => row[c] ?? '').join(',')}\r\n`;

  await importFile(page, file('model.csv', csv), '1 row: 1 ready, no problems.');
  const preview = page.getByRole('row', { name: /Row 2/ });
  await expect(preview).toContainText('Almaty Region');
  await expect(preview).toContainText('≤ 2019-03-18');
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1 detention.');

  const [first] = await exportedJson(page, suffix);
  expect(first).toMatchObject({
    place_precision: 'region',
    city: null,
    region: 'Almaty Region',
    detained: { earliest: null, latest: '2019-03-18', qualifier: 'on_or_before', as_reported: 'became known on the evening of Monday 18 March' },
    public_notes: 'Family informed',
    custody: { status: 'released', released_on: '2019-03-25' },
    charges: [
      {
        legal_basis: 'CoAO art. 488',
        part: '3',
        basis_origin: 'stated',
        outcome: 'convicted',
        penalties: [
          { kind: 'fine', amount: 135, unit: 'USD', as_reported: 'about $135', replaced_by: null },
          { kind: 'fine', amount: 30, unit: 'MCI', as_reported: null, replaced_by: null },
        ],
      },
      { legal_basis: 'CoAO art. 489', part: '2', basis_origin: 'inferred', outcome: 'acquitted', penalties: [] },
    ],
    events: [
      { kind: 'hearing_held', date: { earliest: '2019-03-20', latest: '2019-03-20', qualifier: 'exact', as_reported: null }, place_detail: 'Medeu district court', source_url: url },
      { kind: 'released', date: { earliest: '2019-03-25', latest: '2019-03-25', qualifier: 'exact', as_reported: null } },
    ],
  });

  // The CSV export of that record, imported again through the page: the same person, the same facts.
  const exported = await page.request.get(`/cases/export?format=csv&q=${encodeURIComponent(suffix)}`);
  const header = (await exported.text()).split('\r\n')[0];
  expect(header).toContain('charge_2_basis_origin');
  expect(header).toContain('charge_1_penalty_2_unit');
  await importFile(page, file('again.csv', (await exported.body()).toString('utf8')), '1 row: 1 ready, no problems.');
  await expect(page.getByRole('row', { name: /Row 2/ })).toContainText('On record');
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1 detention.');

  const both = await exportedJson(page, suffix);
  expect(both).toHaveLength(2);
  const strip = ({ id: _id, link: _link, ...rest }: Detention) => rest;
  expect(strip(both[1])).toEqual(strip(both[0]));
});

test('the template has the new columns, and a file of the previous template is refused by name', async ({ monitorPage: page }) => {
  await page.goto('/cases/import');
  await expect(page.getByText('The format changed in this version')).toBeVisible();
  const template = await (await page.request.get('/cases/import/template')).text();
  const columns = template.replace(/^\uFEFF/, '').trim().split(',');
  expect(columns).toEqual(expect.arrayContaining(['detained_earliest', 'detained_qualifier', 'charge_1_basis_origin', 'charge_1_penalty_1_unit', 'event_1_kind', 'public_notes', 'internal_notes']));
  expect(columns).not.toContain('custody_status');
  expect(columns).not.toContain('detained_on');

  await page.getByLabel('CSV file').setInputFiles(file('old.csv', 'activist,city,detained_on,sentence_kind,source_1_url,source_1_title\r\nA,Aktobe,2021-01-04,fine,https://news.example.org/old,T\r\n'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'previous template' })).toContainText('detained_on, sentence_kind');
  await expect(page.getByLabel('CSV file')).toHaveAccessibleDescription(/previous template/);
});
