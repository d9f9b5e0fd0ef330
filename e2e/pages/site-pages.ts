import { expect, type Page } from '@playwright/test';

/**
 * Every page a signed-in user can open, found as they would find them: the main navigation, then
 * the first case, person and source from their lists (and their edit pages, for those who may
 * edit). New pages in the navigation are covered without touching this file.
 */
export async function pagesOf(page: Page): Promise<string[]> {
  await page.goto('/cases');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const hrefs = await nav.getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  const urls = new Set<string>([...hrefs, '/account', '/account/security']);
  const canEdit = hrefs.includes('/cases/new');
  for (const [list, pattern] of [
    ['/cases', /^\/cases\/\d+$/],
    ['/people', /^\/people\/\d+$/],
    ['/sources', /^\/sources\/\d+$/],
  ] as const) {
    await page.goto(list);
    const first = await page
      .locator('main a')
      .evaluateAll((links, source) => links.map((a) => a.getAttribute('href') ?? '').find((href) => new RegExp(source).test(href)) ?? null, pattern.source);
    expect(first, `a record linked from ${list}`).not.toBeNull();
    urls.add(first!);
    if (canEdit) urls.add(`${first}/edit`);
  }
  return [...urls];
}
