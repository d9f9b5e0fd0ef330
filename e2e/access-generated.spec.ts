import path from 'node:path';
import { findEntryPoints, PUBLIC_ENTRY_POINTS, requiredPermission, urlPathOf } from '../lib/auth/entry-points';
import { can, type Permission } from '../lib/auth/policy';
import { expect, test } from './fixtures';

/**
 * Every page and GET route handler of app/, found by the same walk as lib/auth/access-control.test.ts,
 * requested by someone signed out and by a researcher: a new page is checked the day it is added.
 */
const root = path.resolve(__dirname, '..');

const targets = findEntryPoints(root)
  // Auth.js's catch-all is its own business (and public, see PUBLIC_ENTRY_POINTS).
  .filter((e) => (e.kind === 'page' || e.name === 'GET') && !e.file.includes('[...'))
  .map((e) => ({
    // The demo data's first records have id 1.
    path: urlPathOf(e.file).replace(/\[[^\]]+\]/g, '1'),
    public: `${e.file}#${e.name}` in PUBLIC_ENTRY_POINTS,
    permission: requiredPermission(root, e.file, e.name) as Permission | null,
  }));

test('the walk found the pages', () => {
  expect(targets.map((t) => t.path)).toEqual(expect.arrayContaining(['/cases', '/cases/1', '/admin/users', '/api/v1/detentions']));
});

test('signed out, every page and route sends to /login or refuses, and none fails', async ({ request }) => {
  for (const target of targets) {
    const response = await request.get(target.path, { maxRedirects: 0 });
    const status = response.status();
    expect.soft(status, `${target.path}: ${status}`).toBeLessThan(500);
    if (target.public) continue;
    if (status >= 300 && status < 400) {
      expect.soft(new URL(response.headers().location, 'http://x').pathname, `${target.path} redirects to`).toBe('/login');
    } else {
      expect.soft([401, 403, 404], `${target.path}: ${status}`).toContain(status);
    }
  }
});

test('a researcher is refused what the page’s permission does not give researchers', async ({ researcherPage }) => {
  for (const target of targets.filter((t) => !t.public)) {
    const response = await researcherPage.request.get(target.path, { maxRedirects: 0 });
    const status = response.status();
    expect.soft(status, `${target.path}: ${status}`).toBeLessThan(500);
    if (target.path.startsWith('/api/v1/')) {
      // The partner API takes tokens, not sessions.
      expect.soft(status, target.path).toBe(401);
    } else if (target.permission && !can('researcher', target.permission)) {
      expect.soft(status, `${target.path} needs ${target.permission}`).toBe(403);
    } else {
      // Allowed: the page itself, or a 404 for a record the researcher may not see.
      expect.soft(target.path.includes('/1') ? [200, 404] : [200], `${target.path}: ${status}`).toContain(status);
    }
  }
});
