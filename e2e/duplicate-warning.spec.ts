import { CaseFormPage } from './pages/case-form';
import { expect, test } from './fixtures';

/**
 * Issue #9: typing another spelling of someone already on record warns before a second person is
 * created, and the monitor's answer decides. "Ghadilbek Serikbaev" is in the demo data with a
 * detention in Astana.
 */
const ON_RECORD = 'Ghadilbek Serikbaev';

async function fillTheRest(form: CaseFormPage, url: string) {
  await form.chooseCity('Oral');
  await form.fillDate('Date detained', { on: '2021-02-03' });
  await form.fillSource(0, { url, title: 'Observer detained again' });
}

test('"Serikbayev" shows Ghadilbek Serikbaev as a likely match; "same person" links the detention to him', async ({ monitorPage: page }) => {
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist('Serikbayev');
  const candidate = form.duplicateCandidate(ON_RECORD);
  await expect(candidate).toBeVisible();
  // Why, and what is on record about him, before anything is saved.
  await expect(candidate).toContainText(/\d+ detentions? on record, latest on \d{4}-\d{2}-\d{2}/);
  await expect(candidate.getByRole('list', { name: 'Why they match' }).getByRole('listitem').first()).toBeVisible();
  await expect(candidate.getByRole('link', { name: ON_RECORD })).toHaveAttribute('href', /^\/people\/\d+$/);
  const personHref = await candidate.getByRole('link', { name: ON_RECORD }).getAttribute('href');

  await form.answerSamePerson(ON_RECORD);
  await expect(page.getByLabel('Activist', { exact: true })).toHaveValue(ON_RECORD);
  await expect(page.getByText('An existing person is picked.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `${ON_RECORD} is used` })).toBeVisible();
  await expect(form.duplicates()).toHaveCount(0);

  await fillTheRest(form, `https://news.example.org/serikbaev-again-${Date.now()}`);
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const caseId = new URL(page.url()).pathname.split('/').pop();
  await expect(page.getByRole('heading', { name: `Detention of ${ON_RECORD}` })).toBeVisible();

  // The detention is on his page, not on a new person's.
  await page.goto(personHref!);
  await expect(page.getByRole('heading', { level: 1, name: ON_RECORD })).toBeVisible();
  await expect(page.locator(`a[href="/cases/${caseId}"]`)).toBeVisible();
});

test('"Серикбаев" in Cyrillic shows him too', async ({ monitorPage: page }) => {
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist('Серикбаев');
  await expect(form.duplicateCandidate(ON_RECORD)).toBeVisible();
  await expect(form.duplicates().getByRole('heading', { name: 'Possible duplicates' })).toBeVisible();
});

test('"a different person" records a new person, never blocked', async ({ monitorPage: page }) => {
  const form = new CaseFormPage(page);
  const name = 'Gadilbek Serikbayev';
  await form.openNew();
  await form.fillActivist(name);
  await expect(form.duplicateCandidate(ON_RECORD)).toBeVisible();
  const onRecordHref = await form.duplicateCandidate(ON_RECORD).getByRole('link', { name: ON_RECORD }).getAttribute('href');
  await form.answerDifferentPerson(ON_RECORD);
  await expect(form.duplicateCandidate(ON_RECORD)).toContainText(`Answered: ${ON_RECORD} is a different person.`);
  await expect(page.getByLabel('Activist', { exact: true })).toHaveValue(name);

  await fillTheRest(form, `https://news.example.org/gadilbek-${Date.now()}`);
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { name: `Detention of ${name}` })).toBeVisible();
  const personLink = page.getByRole('link', { name, exact: true }).first();
  const newHref = await personLink.getAttribute('href');
  expect(newHref).toMatch(/^\/people\/\d+$/);
  expect(newHref).not.toBe(onRecordHref);
  await personLink.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: '1 detention' })).toBeVisible();
});

test('the import preview proposes him per row; "same person" links the row, "a different person" adds one', async ({ monitorPage: page }) => {
  const lookup = await page.request.get(`/api/lookup/people/likely?q=${encodeURIComponent(ON_RECORD)}`);
  const onRecord = ((await lookup.json()).people as { id: number; displayName: string }[]).find((p) => p.displayName === ON_RECORD)!;
  const detentionsOn = async () => {
    await page.goto(`/people/${onRecord.id}`);
    const heading = await page.getByRole('heading', { name: /^\d+ detentions?$/ }).textContent();
    return Number(heading!.split(' ')[0]);
  };
  const before = await detentionsOn();

  const stamp = Date.now().toString(36);
  const csv =
    'activist,city,detained_earliest,source_1_url,source_1_title\r\n' +
    `Серикбаев,Oral,2021-02-04,https://news.example.org/import-same-${stamp},Report\r\n` +
    `Ghadilbek Serikbayuly,Oral,2021-02-05,https://news.example.org/import-new-${stamp},Report\r\n`;
  await page.goto('/cases/import');
  await page.getByLabel('CSV file').setInputFiles({ name: 'dups.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('2 rows: 2 ready, no problems.')).toBeVisible();

  for (const [row, answer] of [[2, /^Same person: Ghadilbek Serikbaev \(/], [3, /^A different person/]] as const) {
    const select = page.getByRole('combobox', { name: `Person for row ${row}` });
    await expect(select).toBeVisible();
    const label = await select.locator('option', { hasText: answer }).first().textContent();
    await select.selectOption({ label: label! });
  }
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 detentions.');

  expect(await detentionsOn()).toBe(before + 1);
  const added = await page.request.get(`/api/lookup/people?q=${encodeURIComponent('Ghadilbek Serikbayuly')}`);
  expect(((await added.json()).people as { displayName: string }[]).map((p) => p.displayName)).toContain('Ghadilbek Serikbayuly');
});

test('the likely-people route answers only those who may record cases, and survives odd input', async ({ monitorPage, researcherPage, request }) => {
  const route = `/api/lookup/people/likely?q=${encodeURIComponent(ON_RECORD)}`;
  expect((await request.get(route)).status()).toBe(401);
  expect((await researcherPage.request.get(route)).status()).toBe(403);
  for (const q of ['%_\\', 'x'.repeat(5000), '\u0000Serik\u0007', '-- ;', '   ']) {
    const response = await monitorPage.request.get(`/api/lookup/people/likely?q=${encodeURIComponent(q)}`);
    expect(response.status(), q.slice(0, 20)).toBe(200);
  }
});
