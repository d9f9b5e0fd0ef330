import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

test('a source cited only by a restricted detention is not found by a researcher', async ({ monitorPage, researcherPage }) => {
  const form = new CaseFormPage(monitorPage);
  await form.openNew();
  await form.fillActivist(uniqueName('Restricted Source Person'));
  await form.chooseCity('Semey');
  await form.choose({ Confidentiality: 'Restricted' });
  const slug = uniqueName('semey').replace(/\s+/g, '-');
  await form.fillSource(0, { url: `https://news.example.org/${slug}`, title: `Restricted report ${slug}` });
  await form.save();
  await expect(monitorPage).toHaveURL(/\/cases\/\d+$/);
  const sourceLink = monitorPage.locator('a[href^="/sources/"]').first();
  const sourcePath = (await sourceLink.getAttribute('href'))!;

  expect((await monitorPage.goto(sourcePath))?.status()).toBe(200);
  const response = await researcherPage.goto(sourcePath);
  expect(response?.status()).toBe(404);
  await expect(researcherPage.getByText(slug)).toHaveCount(0);
});

test('an impossible date in a filter is named beside the field and ignored, never a 500', async ({ researcherPage: page }) => {
  for (const [path, label] of [
    ['/cases?from=2021-02-30', 'Detained from'],
    ['/dashboard?from=0000-01-01', 'Detained from'],
    ['/reports?to=2021-13-45', 'Detained to'],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Not a real date (YYYY-MM-DD, years 1900–2100): this filter was ignored.')).toBeVisible();
  }
  for (const path of ['/cases/export?format=csv&from=2021-02-30', '/reports/pdf?to=0000-01-01']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toMatch(/^Invalid filter: (from|to)\.$/);
  }
  expect((await page.goto('/cases?q=Ser%00ikbaev'))?.status()).toBe(200);
});
