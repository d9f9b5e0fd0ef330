import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

test('bad input is refused field by field and nothing typed is lost', async ({ monitorPage: page }) => {
  const name = uniqueName('Validation Person');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Atyrau');
  await form.fillDate('Date detained', { on: '2999-01-01' });
  await form.fillDate('Date sentenced', { on: '2020-12-31' });
  await form.fillCharge(1, { text: 'holding a picket' });
  await form.fillSource(0, { url: 'javascript:alert(1)', title: 'A script, not a source' });
  await form.save();

  await expect(page.getByRole('alert').filter({ hasText: 'Some fields need attention' })).toBeVisible();
  const detained = form.dateGroup('Date detained').getByLabel('Date', { exact: true });
  await expect(detained).toHaveAccessibleDescription(/This date is in the future/);
  await expect(page.getByLabel('Source URL', { exact: true })).toHaveAccessibleDescription(/Only http:\/\/ and https:\/\//);
  // Everything typed is still there.
  await expect(page.getByLabel('Activist', { exact: true })).toHaveValue(name);
  await expect(detained).toHaveValue('2999-01-01');
  await expect(form.charge(1).getByLabel('Charge as reported')).toHaveValue('holding a picket');
  await expect(page.getByLabel('Source URL', { exact: true })).toHaveValue('javascript:alert(1)');
  await expect(form.city()).toHaveValue('Atyrau');
  await expect(page).toHaveURL(/\/cases\/new$/);

  // A sentence before the detention is refused too.
  await form.fillDate('Date detained', { on: '2021-01-04' });
  await form.fillSource(0, { url: 'https://news.example.org/atyrau' });
  await form.save();
  await expect(form.dateGroup('Date sentenced').getByLabel('Date', { exact: true })).toHaveAccessibleDescription(/before the detention date/);
  await expect(detained).not.toHaveAccessibleDescription(/future/);

  // Fixed, it saves.
  await form.fillDate('Date sentenced', { on: '2021-01-05' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { name: `Detention of ${name}` })).toBeVisible();
});

test('the new model refuses a reversed interval, a hearing before the detention, an amount without unit, a forged currency; nothing typed is lost', async ({ monitorPage: page }) => {
  const name = uniqueName('Interval Person');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Atyrau');
  await form.fillDate('Date detained', { qualifier: 'Between', on: '2021-01-06', to: '2021-01-04', asReported: 'early January' });
  await form.fillCharge(1, { article: 'CoAO art. 488', part: '3', basis: 'stated', text: 'unsanctioned rally', outcome: 'Convicted' });
  await form.fillPenalty(1, 1, { kind: 'Fine', amount: '135', asReported: 'about $135' });
  await form.fillPenalty(1, 2, { kind: 'Fine', amount: '30', unit: 'MCI (monthly calculation index)' });
  // A currency the form does not offer, as a forged post would send it.
  await form.penalty(1, 2).getByLabel('Unit or currency').evaluate((select: HTMLSelectElement) => {
    select.add(new Option('XYZ', 'XYZ', true, true));
  });
  await form.fillEvent(1, { kind: 'Hearing held', date: { on: '2020-12-20' } });
  await form.fillSource(0, { url: 'https://news.example.org/interval', title: 'Interval report' });
  await form.save();

  await expect(page.getByRole('alert').filter({ hasText: 'Some fields need attention' })).toBeVisible();
  const detained = form.dateGroup('Date detained');
  await expect(detained.getByLabel('To (latest day)')).toHaveAccessibleDescription(/latest possible day is before the earliest/);
  await expect(form.penalty(1, 1).getByLabel('Unit or currency')).toHaveAccessibleDescription(/Choose the unit or currency/);
  await expect(form.penalty(1, 2).getByLabel('Unit or currency')).toHaveAccessibleDescription(/Not a currency or unit we record/);
  // The hearing is only "before the detention" once the detention date is readable: fix it and save again.
  await expect(detained.getByLabel('Date', { exact: true })).toHaveValue('2021-01-06');
  await expect(detained.getByLabel('To (latest day)')).toHaveValue('2021-01-04');
  await expect(detained.getByLabel('Date as reported')).toHaveValue('early January');
  await expect(form.charge(1).getByLabel('Part', { exact: true })).toHaveValue('3');
  await expect(form.charge(1).getByLabel('Stated by the source')).toBeChecked();
  await expect(form.penalty(1, 1).getByLabel('As reported')).toHaveValue('about $135');
  await expect(form.penalty(1, 2).getByLabel('Amount')).toHaveValue('30');
  await expect(form.event(1).getByLabel('What happened')).toHaveValue('hearing_held');

  // Whole-record checks (dates against each other) are made once every field reads well.
  await form.fillDate('Date detained', { qualifier: 'Exact', on: '2021-01-04' });
  await form.fillPenalty(1, 1, { unit: 'USD' });
  await form.fillPenalty(1, 2, { unit: 'MCI (monthly calculation index)' });
  await form.save();
  await expect(form.event(1).getByLabel('Date', { exact: true })).toHaveAccessibleDescription(/dated before the detention/);
  await expect(form.event(1).getByLabel('Date', { exact: true })).toHaveValue('2020-12-20');
  await expect(page).toHaveURL(/\/cases\/new$/);
});

test('a detention without a source is refused', async ({ monitorPage: page }) => {
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(uniqueName('No Source'));
  await form.chooseCity('Taraz');
  await form.save();
  await expect(page.getByLabel('Source URL', { exact: true })).toHaveAccessibleDescription(/Required/);
  await expect(page).toHaveURL(/\/cases\/new$/);
});

test('a stale edit is refused with a clear message and the typed input is kept', async ({ monitorPage: page, browser }) => {
  const name = uniqueName('Stale Edit');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Kostanay');
  await form.fillSource(0, { url: 'https://news.example.org/kostanay', title: 'Kostanay report' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const editUrl = `${new URL(page.url()).pathname}/edit`;

  // Two monitors open the same record.
  await page.goto(editUrl);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const { signIn, USERS } = await import('./fixtures');
  await signIn(otherPage, USERS.admin);
  await otherPage.goto(editUrl);
  await otherPage.getByLabel('Court').fill('Kostanay city court');
  await otherPage.getByRole('button', { name: 'Save' }).click();
  await expect(otherPage).toHaveURL(/\/cases\/\d+$/);
  await other.close();

  // The first one saves over an older version: refused, nothing lost.
  await page.getByLabel('Court').fill('Specialised inter-district court');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else changed this record' })).toBeVisible();
  await expect(page.getByLabel('Court')).toHaveValue('Specialised inter-district court');
  await page.goto(editUrl.replace(/\/edit$/, ''));
  await expect(page.getByText('Kostanay city court', { exact: true })).toBeVisible();
});
