/**
 * Every client component gets the catalogue namespaces it reads. Pages send the browser only part
 * of the catalogue (lib/i18n/client-messages.ts); a namespace left out shows a raw key to the user.
 * So this reads the source: for each 'use client' file in app/, the namespaces it names
 * (useTranslations('ns'), 'ns.key' literals, also in every module it brings into the browser, and
 * in the server actions and lib modules those actions import, whose keys come back as form
 * errors), and the pages that render it (following imports back to each page.tsx); each such page
 * must sit under a layout whose ClientMessages feature, with the root namespaces, covers them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages, clientNamespaces, FEATURE_CLIENT_NAMESPACES, ROOT_CLIENT_NAMESPACES, type ClientFeature } from './client-messages';
import en from './messages/en/index';

const root = path.resolve(import.meta.dirname, '../..');
const namespaces = new Set(Object.keys(en));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [relative] : [];
  });
}

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** The project files a file imports (relative and '@/' paths), resolved to .ts/.tsx. */
function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const match of read(file).matchAll(/from '((?:\.{1,2}|@)\/[^']+)'/g)) {
    const spec = match[1];
    const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : path.resolve(path.join(root, path.dirname(file)), spec);
    for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
      if (fs.existsSync(candidate)) {
        out.push(path.relative(root, candidate));
        break;
      }
    }
  }
  return out;
}

/** Namespaces a file names: useTranslations('ns') and any 'ns.key' / `ns.key` literal of a real namespace. */
function namespacesNamedIn(file: string): Set<string> {
  const text = read(file);
  const found = new Set<string>();
  for (const m of text.matchAll(/useTranslations\(\s*'([a-zA-Z]+)/g)) found.add(m[1]);
  for (const m of text.matchAll(/['`]([a-zA-Z]+)\.[a-zA-Z_$]/g)) if (namespaces.has(m[1])) found.add(m[1]);
  return found;
}

const appFiles = sourceFiles('app');
const clientFiles = appFiles.filter((f) => /^['"]use client['"]/m.test(read(f)));
const importers = new Map<string, string[]>();
for (const file of appFiles) for (const imported of importsOf(file)) importers.set(imported, [...(importers.get(imported) ?? []), file]);

/** The pages that render `file`, following imports back through components. */
function pagesRendering(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  if (path.basename(file) === 'page.tsx' || path.basename(file) === 'error.tsx') return [file];
  return (importers.get(file) ?? []).flatMap((importer) => pagesRendering(importer, seen));
}

/** The feature of the nearest layout above a page that names one (none: the root namespaces only). */
function featureOf(page: string): ClientFeature | undefined {
  for (let dir = path.dirname(page); dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
    const layout = path.join(root, dir, 'layout.tsx');
    const feature = fs.existsSync(layout) && /<ClientMessages feature="([a-zA-Z]+)"/.exec(fs.readFileSync(layout, 'utf8'))?.[1];
    if (feature) return feature as ClientFeature;
  }
  return undefined;
}

const isServerAction = (file: string) => /^['"]use server['"]/m.test(read(file));

/**
 * What a client file needs: its own namespaces and those of every module it pulls into the browser
 * (imports followed, app/ and lib/ alike, e.g. lib/format.ts), and of the server actions it calls
 * and their lib modules (their keys come back as form errors).
 */
function needed(file: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(file)) return out;
  seen.add(file);
  for (const ns of namespacesNamedIn(file)) out.add(ns);
  for (const imported of importsOf(file)) {
    if (isServerAction(imported)) {
      for (const ns of namespacesNamedIn(imported)) out.add(ns);
      for (const lib of importsOf(imported).filter((f) => f.startsWith('lib/'))) for (const ns of namespacesNamedIn(lib)) out.add(ns);
    } else {
      for (const ns of needed(imported, seen)) out.add(ns);
    }
  }
  return out;
}

describe('the catalogue sent to the browser', () => {
  it('finds the client components it checks', () => {
    expect(clientFiles).toContain('app/cases/form/case-form.tsx');
    expect(pagesRendering('app/cases/form/place-combobox.tsx').sort()).toEqual(['app/cases/[id]/edit/page.tsx', 'app/cases/new/page.tsx']);
    expect(featureOf('app/cases/new/page.tsx')).toBe('caseForm');
    expect(needed('app/intake/intake-form.tsx').has('intake')).toBe(true);
    // Through lib/format.ts, which the charge rows call in the browser.
    expect(needed('app/cases/form/case-form.tsx').has('locale')).toBe(true);
  });

  it('gives every client component, on every page that renders it, each namespace it reads', () => {
    const missing: string[] = [];
    for (const file of clientFiles) {
      const wants = needed(file);
      for (const page of pagesRendering(file)) {
        const sent = clientNamespaces(featureOf(page));
        for (const ns of wants) if (!sent.has(ns)) missing.push(`${file} on ${page}: ${ns}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only namespaces that exist', () => {
    const all = [...ROOT_CLIENT_NAMESPACES, ...Object.values(FEATURE_CLIENT_NAMESPACES).flat()];
    expect(all.filter((ns) => !namespaces.has(ns))).toEqual([]);
  });

  it('keeps the rest of the catalogue on the server', () => {
    const sent = clientMessages(en as Record<string, unknown>);
    expect(Object.keys(sent).sort()).toEqual([...ROOT_CLIENT_NAMESPACES].sort());
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(en).length / 4);
    expect(Object.keys(clientMessages(en as Record<string, unknown>, 'caseForm'))).toContain('matching');
  });
});
