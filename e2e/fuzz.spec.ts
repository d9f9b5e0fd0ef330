import fc from 'fast-check';
import { KNOWN_BAD_QUERIES, rawQuery, SEED } from '../lib/test/arbitraries';
import { expect, test } from './fixtures';

/**
 * Generated query strings (odd encodings, NUL, impossible dates, huge numbers, unicode) against
 * the list, dashboard, export, report and partner API: a bad URL is a 4xx or a page, never a 500.
 * Fixed seed: a failure reproduces; fast-check prints the query that failed.
 */

const examples = KNOWN_BAD_QUERIES.map((q): [string] => [q]);

const PAGES: [path: string, runs: number][] = [
  ['/cases', 80],
  ['/dashboard', 60],
  ['/cases/export', 60],
  ['/reports/pdf', 30],
];

for (const [path, runs] of PAGES) {
  test(`${path} answers any query string without a server error`, async ({ monitorPage }) => {
    test.setTimeout(300_000);
    await fc.assert(
      fc.asyncProperty(rawQuery, async (query) => {
        const response = await monitorPage.request.get(`${path}?${query}`, { maxRedirects: 0 });
        expect(response.status(), `${path}?${query}`).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: runs, examples },
    );
  });
}

test('the partner API answers any query string without a server error', async ({ adminPage: page }) => {
  test.setTimeout(300_000);
  // A token, created as a partner's would be (see api.spec.ts).
  await page.goto('/cases');
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('Name (who uses it)').fill(`Fuzz ${Date.now()}`);
  await page.getByRole('button', { name: 'Create a token' }).click();
  const token = await page.getByLabel('New token').inputValue();
  expect(token).toMatch(/^ctk_/);
  await fc.assert(
    fc.asyncProperty(rawQuery, async (query) => {
      const response = await page.request.get(`/api/v1/detentions?${query}`, { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
      expect(response.status(), `/api/v1/detentions?${query}`).toBeLessThan(500);
    }),
    // Within the default rate limit (120 a minute), so every answer is the API’s, not a 429.
    { seed: SEED, numRuns: 90, examples },
  );
});
