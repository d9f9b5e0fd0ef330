import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntryPoints, isGuarded, PUBLIC_ENTRY_POINTS as PUBLIC, withSource } from './entry-points';

const root = path.resolve(import.meta.dirname, '../..');

const key = (e: { file: string; name: string }) => `${e.file}#${e.name}`;

describe('every page, route handler and server action checks who is asking', () => {
  const entries = findEntryPoints(root);

  it('finds the app’s entry points', () => {
    // A walk that found nothing would pass every check below.
    expect(entries.length).toBeGreaterThan(30);
    expect(entries).toContainEqual({ file: 'app/cases/page.tsx', kind: 'page', name: 'default' });
    expect(entries).toContainEqual({ file: 'app/cases/export/route.ts', kind: 'route', name: 'GET' });
    expect(entries).toContainEqual({ file: 'app/cases/actions.ts', kind: 'action', name: 'saveCase' });
  });

  it('calls a guard, or is a listed public entry point', () => {
    const unguarded = entries.filter((e) => !PUBLIC[key(e)] && !isGuarded(root, e.file, e.name)).map(key);
    expect(unguarded).toEqual([]);
  });

  it('lists no public entry point that no longer exists', () => {
    const known = new Set(entries.map(key));
    expect(Object.keys(PUBLIC).filter((k) => !known.has(k))).toEqual([]);
  });
});

describe('the guard check itself', () => {
  const check = (source: string, name = 'default') => {
    withSource(root, 'app/__probe__/page.tsx', source);
    return isGuarded(root, 'app/__probe__/page.tsx', name);
  };

  it('accepts requirePermission and requireUser', () => {
    expect(check(`import { requirePermission } from '@/lib/auth/guard';\nexport default async function P() { await requirePermission('read'); return null; }`)).toBe(true);
    expect(check(`import { requireUser as who } from '@/lib/auth/guard';\nexport default async function P() { await who(); }`)).toBe(true);
  });

  it('accepts currentUser only when the handler leaves on null', () => {
    const checked = `import { currentUser } from '@/lib/auth/guard';
      export async function GET() { const user = await currentUser(); if (!user) return new Response('', { status: 401 }); return new Response(user.name); }`;
    const unchecked = `import { currentUser } from '@/lib/auth/guard';
      export async function GET() { const user = await currentUser(); return new Response(String(user?.id)); }`;
    expect(check(checked, 'GET')).toBe(true);
    expect(check(unchecked, 'GET')).toBe(false);
  });

  it('rejects a page without a guard, and a look-alike not from lib/auth/guard.ts', () => {
    expect(check(`export default async function P() { return null; }`)).toBe(false);
    expect(check(`import { requirePermission } from '@/lib/cases/queries';\nexport default async function P() { await requirePermission('read'); }`)).toBe(false);
    expect(check(`export default async function P() { const requireUser = () => 1; requireUser(); }`)).toBe(false);
  });

  it('follows helpers of this project, e.g. the partner API response builders', () => {
    expect(check(`import { listDetentionsResponse } from '@/lib/api-tokens/api';\nexport function GET(r: Request) { return listDetentionsResponse(r); }`, 'GET')).toBe(true);
    expect(check(`import { parseCaseFilters } from '@/lib/cases/filters';\nexport function GET(r: Request) { parseCaseFilters(new URL(r.url).searchParams); return new Response('x'); }`, 'GET')).toBe(false);
  });
});
