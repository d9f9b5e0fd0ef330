import { expect, test } from './fixtures';

test('an admin adds a charge vocabulary entry; the same article again is refused beside the field; a monitor gets 403', async ({ adminPage: page, monitorPage }) => {
  const article = String(5000 + Math.floor(Math.random() * 4000));
  await page.goto('/cases');
  await page.getByRole('link', { name: 'Vocabulary' }).click();
  await expect(page.getByRole('heading', { name: 'Charge vocabulary' })).toBeVisible();
  // The seeded entries are listed with how often they are used.
  await expect(page.getByRole('row', { name: /CoAO art\. 488\b/ })).toBeVisible();

  const add = async (code: string, number: string, name: string) => {
    await page.getByLabel('Code', { exact: true }).selectOption({ label: code });
    await page.getByLabel('Article', { exact: true }).fill(number);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Add an entry' }).click();
  };

  await add('Code of Administrative Offences (CoAO)', '488(3)', 'A part is not an article');
  await expect(page.getByLabel('Article', { exact: true })).toHaveAccessibleDescription(/An article is a number/);
  await expect(page.getByLabel('Article', { exact: true })).toHaveValue('488(3)');

  await add('Code of Administrative Offences (CoAO)', article, 'Petty hooliganism (test)');
  await expect(page.getByRole('status')).toContainText(`Added CoAO art. ${article}.`);
  const row = page.getByRole('row', { name: new RegExp(`CoAO art\\. ${article}\\b`) });
  await expect(row).toContainText('0');
  await expect(row.getByRole('textbox', { name: `Name of CoAO art. ${article}`, exact: true })).toHaveValue('Petty hooliganism (test)');

  await add('Code of Administrative Offences (CoAO)', article, 'Same article again');
  await expect(page.getByLabel('Article', { exact: true })).toHaveAccessibleDescription(/already in the vocabulary/);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Same article again');
  await expect(page.getByRole('row', { name: new RegExp(`CoAO art\\. ${article}\\b`) })).toHaveCount(1);

  // Renamed in place; an unused entry can be removed.
  await row.getByRole('textbox', { name: `Name of CoAO art. ${article}`, exact: true }).fill('Petty hooliganism');
  await row.getByRole('textbox', { name: `Name of CoAO art. ${article} in Russian`, exact: true }).fill('Мелкое хулиганство');
  // Wait for the action's answer before reloading, or the reload could overtake the save.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/admin/vocabulary')),
    row.getByRole('button', { name: `Rename CoAO art. ${article}` }).click(),
  ]);
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(`CoAO art\\. ${article}\\b`) }).getByRole('textbox', { name: `Name of CoAO art. ${article}`, exact: true })).toHaveValue('Petty hooliganism');
  await expect(page.getByRole('textbox', { name: `Name of CoAO art. ${article} in Russian`, exact: true })).toHaveValue('Мелкое хулиганство');
  // An entry in use offers no removal.
  await expect(page.getByRole('button', { name: 'Remove CoAO art. 488' })).toHaveCount(0);
  await page.getByRole('button', { name: `Remove CoAO art. ${article}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(`CoAO art\\. ${article}\\b`) })).toHaveCount(0);

  expect((await monitorPage.goto('/admin/vocabulary'))?.status()).toBe(403);
  await expect(monitorPage.getByRole('link', { name: 'Vocabulary' })).toHaveCount(0);
});
