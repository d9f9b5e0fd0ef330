import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

/** The fixture site the e2e server started (scripts/e2e-server.ts writes its origin here). */
function fixtureOrigin(): string {
  return JSON.parse(readFileSync(path.resolve(__dirname, '../.data/e2e-fixture.json'), 'utf8')).origin;
}

test('saving a case with a new source makes the server fetch it right after the response', async ({ monitorPage: page, request }) => {
  const origin = fixtureOrigin();
  const marker = uniqueName('capture').replace(/\s+/g, '-');
  const target = `/article?e2e=${marker}`;
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(uniqueName('Capture Testova'));
  await form.chooseCity('Oral');
  await form.fillDate('Date detained', { on: '2021-01-08' });
  await form.fillSource(0, { url: `${origin}${target}`, title: 'Activist detained outside court in Oral' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);

  // The fixture counts requests: the capture (queued in the save's transaction, run by after())
  // reaches it once, without anyone opening the source.
  await expect
    .poll(async () => ((await (await request.get(`${origin}/__hits`)).json()) as Record<string, number>)[target] ?? 0, { timeout: 20_000 })
    .toBe(1);
});
