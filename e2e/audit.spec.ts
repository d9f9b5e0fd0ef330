import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

test('an admin views a restricted detention and finds that view in the audit trail', async ({ adminPage: page }) => {
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(uniqueName('Audited Person'));
  await form.chooseCity('Semey');
  await form.choose({ Confidentiality: 'Restricted' });
  await form.fillSource(0, { url: 'https://news.example.org/audit', title: 'Audit report' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const id = new URL(page.url()).pathname.split('/').pop()!;

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  // Reading the trail is itself recorded before the list is read, so it is the newest event.
  const newest = page.getByRole('row').nth(1);
  await expect(newest).toContainText('Viewed the audit trail');
  await expect(newest).toContainText('admin@example.org');

  await page.getByLabel('Action').selectOption({ label: 'Viewed a restricted detention' });
  await page.getByLabel('Target id').fill(id);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`action=view_restricted_detention.*targetId=${id}`));
  const view = page.getByRole('row').filter({ has: page.getByRole('link', { name: `detention ${id}` }) });
  await expect(view).toHaveCount(1);
  await expect(view).toContainText('admin@example.org');
  await expect(view).toContainText('page: view');

  // That filtered reading is on record too, with its filters.
  await page.goto('/admin/audit?action=audit_viewed');
  await expect(page.getByRole('row').nth(2)).toContainText(`filters: action=view_restricted_detention, targetId=${id}`);
});

test('the CSV export holds the filtered events and is itself recorded', async ({ adminPage: page }) => {
  await page.goto('/admin/audit?action=audit_viewed');
  const download = await page.request.get('/admin/audit/export?action=audit_viewed');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('text/csv');
  const lines = (await download.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('id,at_utc,actor_id,actor_name,actor_email,action,target_kind,target_id,ip,details');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.includes(',audit_viewed,'))).toBe(true);

  await page.goto('/admin/audit?action=audit_exported');
  await expect(page.getByRole('row').nth(1)).toContainText(`rows: ${lines.length - 1}`);
  expect((await page.request.get('/admin/audit/export?from=2021-02-30')).status()).toBe(400);
});

test('a researcher is refused the audit trail and its export by the server', async ({ researcherPage: page }) => {
  await page.goto('/cases');
  await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  const view = await page.goto('/admin/audit');
  expect(view?.status()).toBe(403);
  expect((await page.request.get('/admin/audit/export', { maxRedirects: 0 })).status()).toBe(403);
});

test('the export refuses the signed-out with 401, not a redirect', async ({ request }) => {
  expect((await request.get('/admin/audit/export', { maxRedirects: 0 })).status()).toBe(401);
});
