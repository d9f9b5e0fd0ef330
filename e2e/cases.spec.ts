import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

test('a monitor records a detention with two sources and finds it in the list and on its page', async ({ monitorPage: page }) => {
  // Source articles are served by the test, so following a link proves it works, offline.
  await page.context().route('https://news.example.org/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Article</title><h1>Article</h1>' }),
  );
  const name = uniqueName('Aigerim Testova');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Oral');
  await form.fillDate('Date detained', { on: '2021-01-08' });
  await form.fillDate('Date sentenced', { on: '2021-01-09' });
  await form.fillCharge(1, { article: 'CoAO art. 488', basis: 'inferred', text: 'calling for illegal protests', outcome: 'Convicted' });
  await form.fillPenalty(1, 1, { kind: 'Administrative arrest', amount: '10', unit: 'days' });
  await form.choose({ Plea: 'Not guilty', 'Election or event': 'Mazhilis election 2021' });
  await form.fillSource(0, { url: 'https://news.example.org/oral-activist-jailed', title: 'Oral activist jailed', publisher: 'Example News' });
  await form.fillSource(1, { url: 'https://news.example.org/second-report', title: 'Second report on Oral', publisher: 'Example Daily' });
  await form.save();

  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { name: `Detention of ${name}` })).toBeVisible();
  await expect(page.getByText('Administrative arrest, 10 days')).toBeVisible();
  const sources = page.getByRole('region', { name: 'Sources' });
  for (const [title, url] of [
    ['Oral activist jailed', 'https://news.example.org/oral-activist-jailed'],
    ['Second report on Oral', 'https://news.example.org/second-report'],
  ]) {
    const link = sources.getByRole('link', { name: title });
    await expect(link).toHaveAttribute('href', url);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  const [popup] = await Promise.all([page.waitForEvent('popup'), sources.getByRole('link', { name: 'Oral activist jailed' }).click()]);
  await expect(popup).toHaveURL('https://news.example.org/oral-activist-jailed');
  await expect(popup.getByRole('heading', { name: 'Article' })).toBeVisible();
  await popup.close();

  await page.goto(`/cases?q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Oral');
  await expect(row).toContainText('2021-01-08');
  await expect(row).toContainText('CoAO art. 488 inferred');
  await expect(row).toContainText('Administrative arrest, 10 days');
});

test('the list filters live in the URL and search finds other spellings', async ({ researcherPage: page }) => {
  await page.goto('/cases');
  await page.getByLabel('Search by activist name').fill('Serikbayev');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=Serikbayev/);
  await expect(page.getByRole('link', { name: 'Ghadilbek Serikbaev' })).toBeVisible();

  await page.goto('/cases?region=Aktobe+Region');
  await expect(page.getByText('3 detentions')).toBeVisible();
  await expect(page.getByLabel('Region')).toHaveValue('Aktobe Region');
});

test('a monitor records a repeat detention, picking the person and the source already on record', async ({ monitorPage: page }) => {
  const { CaseFormPage } = await import('./pages/case-form');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist('Toqin');
  await page.getByRole('option', { name: /^Berikzhan Toqin \(Activist, 1 detention on record\)$/ }).click();
  await expect(page.getByText('An existing person is picked.')).toBeVisible();
  await form.chooseCity('Aktobe');
  await form.fillDate('Date detained', { on: '2021-01-10' });
  await page.getByLabel('Source URL', { exact: true }).fill('rferl.org/a/kazakh');
  await page.getByRole('option', { name: /^Use: Kazakh Activists Warn Of Crackdown/ }).click();
  await expect(page.getByLabel('Source URL', { exact: true })).toHaveValue(
    'https://www.rferl.org/a/kazakh-actiivists-elections-crackdown-arrests/31036601.html',
  );
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await page.getByRole('link', { name: 'Berikzhan Toqin' }).first().click();
  await expect(page.getByRole('heading', { name: '2 detentions' })).toBeVisible();
});
