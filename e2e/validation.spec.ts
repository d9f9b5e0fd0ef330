import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

test('bad input is refused field by field and nothing typed is lost', async ({ monitorPage: page }) => {
  const name = uniqueName('Validation Person');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Atyrau');
  await form.fill({ 'Date detained': '2999-01-01', 'Date sentenced': '2020-12-31', 'Charge as reported': 'holding a picket' });
  await form.fillSource(0, { url: 'javascript:alert(1)', title: 'A script, not a source' });
  await form.save();

  await expect(page.getByRole('alert').filter({ hasText: 'Some fields need attention' })).toBeVisible();
  const detained = page.getByLabel('Date detained', { exact: true });
  await expect(detained).toHaveAccessibleDescription(/This date is in the future/);
  await expect(page.getByLabel('Source URL', { exact: true })).toHaveAccessibleDescription(/Only http:\/\/ and https:\/\//);
  // Everything typed is still there.
  await expect(page.getByLabel('Activist', { exact: true })).toHaveValue(name);
  await expect(detained).toHaveValue('2999-01-01');
  await expect(page.getByLabel('Charge as reported')).toHaveValue('holding a picket');
  await expect(page.getByLabel('Source URL', { exact: true })).toHaveValue('javascript:alert(1)');
  await expect(page.getByLabel('City', { exact: true }).locator('option:checked')).toHaveText(/^Atyrau/);
  await expect(page).toHaveURL(/\/cases\/new$/);

  // A sentence before the detention is refused too.
  await form.fill({ 'Date detained': '2021-01-04' });
  await form.fillSource(0, { url: 'https://news.example.org/atyrau' });
  await form.save();
  await expect(page.getByLabel('Date sentenced', { exact: true })).toHaveAccessibleDescription(/before the detention date/);
  await expect(page.getByLabel('Date detained', { exact: true })).not.toHaveAccessibleDescription(/future/);

  // Fixed, it saves.
  await form.fill({ 'Date sentenced': '2021-01-05' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { name: `Detention of ${name}` })).toBeVisible();
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
