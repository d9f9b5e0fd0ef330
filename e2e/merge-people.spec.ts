import type { Page } from '@playwright/test';
import { CaseFormPage } from './pages/case-form';
import { PersonPage, ReviewPage } from './pages/person';
import { expect, test } from './fixtures';

/** One surname written in both scripts, unique to this run (syllables that transliterate one to one). */
function surnames() {
  const syllables: [string, string][] = [['ta', 'та'], ['ra', 'ра'], ['ma', 'ма'], ['na', 'на'], ['sa', 'са'], ['ka', 'ка'], ['bo', 'бо'], ['lu', 'лу']];
  const picked = Array.from({ length: 5 }, () => syllables[Math.floor(Math.random() * syllables.length)]);
  return { latin: `Zhanibek ${'T' + picked.map((s) => s[0]).join('')}bekov`, cyrillic: `Жанибек ${'Т' + picked.map((s) => s[1]).join('')}беков` };
}

/** Records a detention of a new person named `name` in `city`; returns the person's id. */
async function recordPerson(page: Page, name: string, city: string, day: string) {
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity(city);
  await form.fillDate('Date detained', { on: day });
  await form.fillSource(0, { url: `https://news.example.org/${encodeURIComponent(name)}-${day}`, title: `Report ${day}` });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(/\/people\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

test('a merge of two people from the review page and its undo round-trip exactly', async ({ monitorPage: page, researcherPage }) => {
  const { latin, cyrillic } = surnames();
  const first = await recordPerson(page, latin, 'Pavlodar', '2022-01-10');
  const second = await recordPerson(page, cyrillic, 'Semey', '2022-03-15');
  expect(first).toBeLessThan(second);
  const person = new PersonPage(page);
  await person.edit(first, { 'Other spellings': 'Zhanibek T. Bekov', Affiliation: 'Oyan Qazaqstan', 'Restricted notes': 'Notes kept on the first record.' });
  await person.edit(second, { Affiliation: 'Democratic Choice', 'Restricted notes': 'Notes kept on the second record.' });

  await person.open(first);
  const firstBefore = await person.snapshot();
  await person.open(second);
  const secondBefore = await person.snapshot();

  // The review page proposes the pair; merge the second into the first.
  const review = new ReviewPage(page);
  await review.open();
  const pair = await review.findPair(latin, cyrillic);
  expect(pair).not.toBeNull();
  await pair!.getByLabel('Reason (optional)').fill('Same person, two spellings');
  const mergeRequest = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await pair!.getByRole('button', { name: `Same person — merge into ${latin}` }).click();
  const captured = await mergeRequest;
  await expect(page).toHaveURL(/\/people\/review$/);
  await expect(page.getByRole('region', { name: `${latin} and ${cyrillic}` })).toHaveCount(0);

  // The survivor holds both detentions, every name and both notes.
  await person.open(first);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('table')).toContainText('Pavlodar');
  await expect(page.getByRole('table')).toContainText('Semey');
  const facts = page.locator('dl.facts').first();
  for (const text of [latin, cyrillic, 'Zhanibek T. Bekov', 'Oyan Qazaqstan / Democratic Choice', 'Notes kept on the first record.', 'Notes kept on the second record.']) await expect(facts).toContainText(text);
  await expect(person.decisions).toContainText('Same person (in force)');
  await expect(person.decisions).toContainText('Same person, two spellings');

  // The merged person's page says where they went, with the undo.
  await person.open(second);
  await expect(person.banner).toContainText(`This person was merged into ${latin}`);
  await expect(person.banner.getByRole('link', { name: latin })).toHaveAttribute('href', `/people/${first}`);
  await expect(page.getByRole('link', { name: 'Edit person' })).toHaveCount(0);
  await person.banner.getByRole('button', { name: 'Undo merge' }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${second}$`));
  await expect(person.banner).toHaveCount(0);

  // Both pages exactly as before: names, facts, notes, detentions.
  expect(await person.snapshot()).toEqual(secondBefore);
  await expect(person.decisions).toContainText('Same person (withdrawn)');
  await person.open(first);
  expect(await person.snapshot()).toEqual(firstBefore);

  // A researcher replaying the merge is refused by the server, and nothing is merged.
  const headers = captured.headers();
  const forged = await researcherPage.request.post('/people/review', {
    headers: { 'next-action': headers['next-action'], 'content-type': headers['content-type'], accept: 'text/x-component' },
    data: captured.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  await person.open(second);
  await expect(person.banner).toHaveCount(0);
  expect(await person.snapshot()).toEqual(secondBefore);
  expect((await researcherPage.goto('/people/review'))?.status()).toBe(403);
  await researcherPage.goto('/cases');
  await expect(researcherPage.getByRole('link', { name: 'Duplicates' })).toHaveCount(0);
});

test('on a person page, "Different people" stops the pair being proposed until it is withdrawn', async ({ monitorPage: page }) => {
  const { latin, cyrillic } = surnames();
  const first = await recordPerson(page, latin, 'Pavlodar', '2022-02-01');
  await recordPerson(page, cyrillic, 'Pavlodar', '2022-02-02');
  const person = new PersonPage(page);
  await person.open(first);
  const candidate = person.duplicate(cyrillic);
  await expect(candidate).toContainText('Match: ');
  await candidate.getByLabel('Reason (optional)').fill('Different fathers');
  await candidate.getByRole('button', { name: 'Different people' }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${first}$`));
  await expect(person.duplicate(cyrillic)).toHaveCount(0);
  await expect(person.decisions).toContainText('Different people (in force)');
  await expect(person.decisions).toContainText('Different fathers');
  const review = new ReviewPage(page);
  await review.open();
  expect(await review.findPair(latin, cyrillic)).toBeNull();

  await person.open(first);
  await person.decisions.getByRole('button', { name: 'Withdraw' }).click();
  await expect(person.duplicate(cyrillic)).toBeVisible();
  await expect(person.decisions).toContainText('Different people (withdrawn)');
});
