import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

// The article the project was created from (kept outside the repository: its sentences may not be copied into it).
// Looked for beside the checkout, then in the team's shared folder (a clean clone may live elsewhere).
const REFERENCE_FILE = 'rferl-2021-01-kazakh-activists-jailed.txt';
const REFERENCE =
  [process.env.REFERENCE_DIR, path.resolve(__dirname, '../../shared/reference'), '/work/shared/reference']
    .filter((dir): dir is string => Boolean(dir))
    .map((dir) => path.join(dir, REFERENCE_FILE))
    .find((file) => fs.existsSync(file)) ?? path.resolve(__dirname, '../../shared/reference', REFERENCE_FILE);
const ARTICLE_URL = 'https://www.rferl.org/a/kazakh-actiivists-elections-crackdown-arrests/31036601.html';

const EXPECTED = [
  { name: 'Ghadilbek Serikbaev', city: 'Astana', detained: '2021-01-06', charge: 'calling for illegal protests', sentence: /Administrative arrest 15/, plea: 'Not guilty', quotes: ['Ghadilbek Serikbaev', '15 days in jail', 'pleaded not guilty', 'calling for illegal protests'] },
  { name: 'Aitzhan Temirghaziev', city: 'Aktobe', detained: '2021-01-04', charge: 'violating regulations for public events', sentence: /Administrative arrest 7/, plea: 'Not guilty', quotes: ['Aqtobe', 'January 4', 'seven days in jail', 'a charge they rejected'] },
  { name: 'Berikzhan Toqin', city: 'Aktobe', detained: '2021-01-04', charge: 'violating regulations for public events', sentence: /Administrative arrest 7/, plea: 'Not guilty', quotes: ['Aqtobe', 'January 4', 'seven days in jail'] },
  { name: 'Asylkhan Zhaubatyrov', city: 'Aktobe', detained: '2021-01-04', charge: 'violating regulations for public events', sentence: /Administrative arrest 7/, plea: 'Not guilty', quotes: ['Aqtobe', 'January 4', 'seven days in jail'] },
  { name: 'Nurzhan Mukhammedov', city: 'Shymkent', detained: '2021-01', charge: 'taking part in the activities of a banned group', sentence: /^$/, plea: 'Unknown', quotes: ['Shymkent', 'taking part in the activities of a banned group'] },
];

test('the reference article becomes its five draft detentions, each fact quoted, saved citing the article', async ({ monitorPage: page }) => {
  // Never skipped: without the article this test would check nothing, so a missing file fails it.
  expect(fs.existsSync(REFERENCE), `the reference article is missing (looked for ${REFERENCE}; set REFERENCE_DIR)`).toBe(true);
  const text = fs.readFileSync(REFERENCE, 'utf8');
  await page.goto('/cases');
  await page.getByRole('link', { name: 'From an article' }).click();
  await expect(page.getByRole('heading', { name: 'From an article to records' })).toBeVisible();
  await page.getByLabel('Text of the article').fill(text);
  await page.getByRole('button', { name: 'Read the article' }).click();
  await expect(page.getByRole('heading', { name: '5 people reported detained' })).toBeVisible({ timeout: 30_000 });

  const table = page.getByRole('table', { name: /Drafts proposed from the article/ });
  await expect(table.getByRole('row')).toHaveCount(1 + EXPECTED.length);
  for (const record of EXPECTED) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: record.name, exact: true }) });
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(record.city);
    await expect(cells.nth(1)).toContainText(record.detained);
    await expect(cells.nth(2)).toHaveText(record.charge);
    await expect(cells.nth(3)).toHaveText(record.sentence);
    await expect(cells.nth(4)).toHaveText(record.plea);
  }
  // Mukhammedov's date: the article (January 2021) gives none, so "on or before" its month.
  await expect(table.getByRole('row').filter({ hasText: 'Nurzhan Mukhammedov' }).getByRole('cell').nth(1)).toHaveText(/on or before/i);

  // Each draft beside the article, each field with the words it came from, marked in the article.
  for (const [i, record] of EXPECTED.entries()) {
    const draft = page.getByRole('group', { name: `Draft ${i + 1}: ${record.name}` });
    for (const quote of record.quotes) await expect(draft.locator('q').filter({ hasText: quote }).first()).toBeVisible();
    await expect(draft.getByLabel('City', { exact: true })).toHaveValue(await optionValue(page, record.city));
  }
  const article = page.getByRole('region', { name: 'The article' });
  for (const record of EXPECTED) await expect(article.locator('mark', { hasText: record.name })).toHaveCount(1);
  await expect(article.locator('mark', { hasText: 'Qasym-Zhomart Toqaev' })).toHaveCount(0);

  // The demo data already holds these people: the likely existing person is shown, never used silently.
  const first = page.getByRole('group', { name: `Draft 1: ${EXPECTED[0].name}` });
  await expect(first.getByRole('radio', { name: 'A new person' })).toBeChecked();
  await first.getByRole('radio', { name: /Same person as Ghadilbek Serikbaev/ }).check();

  await page.getByRole('button', { name: 'Save the kept drafts' }).click();
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toContainText('5 draft detentions saved', { timeout: 30_000 });
  const links = status.getByRole('link');
  await expect(links).toHaveCount(5);

  // Every saved draft cites the article; the first is linked to the person already on record.
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.getByRole('region', { name: 'Sources' }).getByRole('link', { name: /Kazakh Activists Warn Of Crackdown/ })).toHaveAttribute('href', ARTICLE_URL);
    await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
  }
  // The first draft was linked to the person on record: it is listed under their name, as a draft.
  // (Other tests share this database and may add records of the same person, so no exact count.)
  await page.goto(`/cases?q=${encodeURIComponent('Ghadilbek Serikbaev')}`);
  const saved = page.getByRole('row').filter({ has: page.locator(`a[href="${hrefs[0]}"]`) });
  await expect(saved).toContainText('Ghadilbek Serikbaev');
  await expect(saved).toContainText('Draft');
});

async function optionValue(page: import('@playwright/test').Page, city: string): Promise<string> {
  return page.locator('select[name="d.0.placeId"] option', { hasText: new RegExp(`^${city}$`) }).first().getAttribute('value').then((v) => v ?? '');
}

test('bad input gets a clear message and saves nothing', async ({ monitorPage: page }) => {
  await page.goto('/intake');
  const read = page.getByRole('button', { name: 'Read the article' });
  await read.click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Paste the text of an article first.');

  await page.getByLabel('Text of the article').fill('Five parties will compete for seats in the Mazhilis on January 10, the election commission said on Monday.');
  await read.click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('No one reported detained, charged or sentenced was found in this text. Nothing was saved.');

  await page.getByLabel('Text of the article').fill(`PK\u0003\u0004\u0014\u0000\u0008\u0000 binary ${'\u0001\u0002'.repeat(20)}`);
  await read.click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This does not look like text');

  await page.getByLabel('Text of the article').fill('Police detained activist Marat Zhanuzakov on Monday. '.repeat(100_000));
  await read.click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This text is too long to be one article');
  await expect(page.getByRole('button', { name: 'Save the kept drafts' })).toHaveCount(0);
});

test('a Russian report is read too', async ({ monitorPage: page }) => {
  await page.goto('/intake');
  await page
    .getByLabel('Text of the article')
    .fill('Дата: 2021-01-08\n\nВчера в Уральске задержали активиста Ерлана Сапарова. Суд арестовал его на 10 суток за «участие в несанкционированном митинге». Сапаров не признал вину.');
  await page.getByRole('button', { name: 'Read the article' }).click();
  const row = page.getByRole('table', { name: /Drafts proposed/ }).getByRole('row').filter({ hasText: 'Ерлан Сапаров' });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Oral');
  await expect(row.getByRole('cell').nth(1)).toHaveText('2021-01-07');
  await expect(row.getByRole('cell').nth(2)).toHaveText('участие в несанкционированном митинге');
  await expect(row.getByRole('cell').nth(4)).toHaveText('Not guilty');
});

test('researchers cannot use the intake', async ({ researcherPage: page }) => {
  const response = await page.goto('/intake');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('link', { name: 'From an article' })).toHaveCount(0);
});

/** The fixture site the e2e server runs (scripts/e2e-server.ts writes its origin here). */
function fixtureArticleUrl(): string {
  const { origin } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '.data', 'e2e-fixture.json'), 'utf8')) as { origin: string };
  return `${origin}/article?intake=${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test('a URL is captured first, then read into drafts that cite it; a blocked address is refused', async ({ monitorPage: page }) => {
  await page.goto('/intake');
  const urlField = page.getByLabel('Or the URL of an article to capture and read');
  await urlField.fill('http://10.0.0.1/internal');
  await page.getByRole('button', { name: 'Read the article' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('The capture was refused: this address is not allowed');
  await urlField.fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Read the article' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This is not a web address the app can capture.');
  await expect(page.getByRole('table', { name: /Drafts proposed/ })).toHaveCount(0);

  const url = fixtureArticleUrl();
  await urlField.fill(url);
  await page.getByRole('button', { name: 'Read the article' }).click();
  await expect(page.getByRole('heading', { name: '1 person reported detained' })).toBeVisible({ timeout: 60_000 });
  const row = page.getByRole('table', { name: /Drafts proposed/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Aigerim Nurlanovna' }) });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Oral');
  // The citation is the captured source as its record says: its URL, the page's title and site name.
  const source = page.getByRole('group', { name: 'Source cited by every draft' });
  await expect(source.getByLabel('URL of the article')).toHaveValue(url);
  await expect(source.getByLabel('Title')).toHaveValue('Activist detained outside court in Oral');
  await expect(source.getByLabel('Publisher')).toHaveValue('Fixture News');
  await expect(page.getByRole('region', { name: 'The article' })).toContainText('On the morning of 14 March the police detained Aigerim Nurlanovna');

  // The same source is now offered among the captured sources.
  await page.getByLabel(/Or read a source already captured/).fill(new URL(url).searchParams.get('intake')!);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('group', { name: 'Captured sources found' }).getByRole('radio', { name: /Activist detained outside court in Oral/ })).toHaveCount(1);
});
