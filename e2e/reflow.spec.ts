import type { Page } from '@playwright/test';
import { expect, onServerDatabase, signIn, SWEEP_RUNS_ONCE, test, USERS, type RoleName } from './fixtures';
import { CaseFormPage } from './pages/case-form';
import { pagesOf } from './pages/site-pages';

/** 320 px is WCAG 1.4.10's reflow width (1280 px at 400 %); 390 px a common phone; 1280 px a laptop. */
const WIDTHS = [320, 390, 1280];

/** How far the page is wider than the viewport (0 when it reflows), and the widest culprit. */
async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const excess = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (excess <= 0) return { excess: 0, culprit: '' };
    const limit = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.getBoundingClientRect().right > limit + 1);
    const culprit = wide.map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`).slice(0, 3);
    return { excess, culprit: culprit.join(' > ') };
  });
}

for (const role of ['admin', 'monitor', 'researcher'] as RoleName[]) {
  test(`every page a ${role} can open fits 320, 390 and 1280 px without sideways scrolling, with its own title`, async ({ page }) => {
    test.skip(onServerDatabase, SWEEP_RUNS_ONCE);
    test.setTimeout(300_000);
    await signIn(page, USERS[role]);
    const urls = await pagesOf(page);
    const wider: string[] = [];
    const titles = new Map<string, string>();
    // Each page is opened once, at the narrowest width, then widened: the layout follows the
    // window as it does when a phone turns or a window is resized (a load per width made this
    // the slowest spec: 52 s of the PGlite pass).
    for (const url of urls) {
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      await page.goto(url);
      await expect(page.locator('main h1').first()).toBeVisible();
      titles.set(url, await page.title());
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        // One frame, so script that follows the window's size (media query listeners) has run.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
        const { excess, culprit } = await overflowOf(page);
        if (excess > 0) wider.push(`${url} at ${width}px: ${excess}px too wide (${culprit})`);
      }
    }
    expect(wider).toEqual([]);
    // Each kind of page names itself (pages of one kind, e.g. two edit pages, may share a title).
    for (const [url, title] of titles) expect(title, url).toMatch(/^.+ · Detention case tracker$/);
    expect(new Set(titles.values()).size).toBeGreaterThan(urls.length / 2);
  });
}

test('on a phone the navigation folds behind "Menu" and opens without losing the current-page mark', async ({ monitorPage: page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/people');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  await page.getByText('Menu', { exact: true }).click();
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);
  // The case list is a list of cards: each cell says what it is.
  await page.goto('/cases');
  const firstCard = page.locator('table.cards tbody tr').first();
  await expect(firstCard.locator('td').first()).toHaveAttribute('data-label', 'Activist');
  expect((await firstCard.boundingBox())!.width).toBeLessThanOrEqual(320);
});

test('on a laptop the navigation is open and marks the current page', async ({ monitorPage: page }) => {
  await page.goto('/cases/new');
  await expect(page.getByText('Menu', { exact: true })).toBeHidden();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Record a detention' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Cases' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Record a detention · Detention case tracker');
  // The case form, refused, still reflows at 320 px.
  await page.setViewportSize({ width: 320, height: 700 });
  await new CaseFormPage(page).save();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  expect((await overflowOf(page)).excess).toBe(0);
});
