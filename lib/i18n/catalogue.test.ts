/**
 * The catalogues agree: Kazakh and Russian have exactly the English keys, each message parses as
 * ICU with the same placeholders and tags as the English one and the plural categories its
 * language needs, and every English key is used somewhere in app/, lib/ or db/. Each failure
 * lists the offending keys, so a missing translation is found here, not by a reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from './messages/en/index';
import kk from './messages/kk/index';
import ru from './messages/ru/index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
}

const catalogues = { en: flatten(en as Tree), kk: flatten(kk as Tree), ru: flatten(ru as Tree) };

/** The plural categories each language's messages must spell out (CLDR: Russian has four). */
const PLURAL_CATEGORIES: Record<keyof typeof catalogues, string[]> = {
  en: ['one', 'other'],
  kk: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};

type Shape = { args: Set<string>; tags: Set<string>; plurals: { arg: string; options: string[] }[] };

function shapeOf(elements: MessageFormatElement[], shape: Shape = { args: new Set(), tags: new Set(), plurals: [] }): Shape {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) shape.args.add(el.value);
    else if (el.type === TYPE.tag) {
      shape.tags.add(el.value);
      shapeOf(el.children, shape);
    } else if (el.type === TYPE.select || el.type === TYPE.plural) {
      shape.args.add(el.value);
      if (el.type === TYPE.plural) shape.plurals.push({ arg: el.value, options: Object.keys(el.options) });
      for (const option of Object.values(el.options)) shapeOf(option.value, shape);
    }
  }
  return shape;
}

function parseShape(message: string): Shape | Error {
  try {
    return shapeOf(parse(message));
  } catch (error) {
    return error as Error;
  }
}

const sorted = (set: Set<string>) => [...set].sort().join(',');

describe.each(['en', 'kk', 'ru'] as const)('the %s catalogue', (locale) => {
  const messages = catalogues[locale];

  it('has every English key and no other', () => {
    const missing = [...catalogues.en.keys()].filter((k) => !messages.has(k));
    const extra = [...messages.keys()].filter((k) => !catalogues.en.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('parses as ICU, with the English placeholders and tags', () => {
    const broken: string[] = [];
    for (const [key, message] of messages) {
      const shape = parseShape(message);
      if (shape instanceof Error) {
        broken.push(`${key}: does not parse (${shape.message})`);
        continue;
      }
      const english = catalogues.en.get(key);
      if (english === undefined) continue;
      const reference = parseShape(english);
      if (reference instanceof Error) continue;
      if (sorted(shape.args) !== sorted(reference.args)) broken.push(`${key}: placeholders {${sorted(shape.args)}} ≠ English {${sorted(reference.args)}}`);
      if (sorted(shape.tags) !== sorted(reference.tags)) broken.push(`${key}: tags <${sorted(shape.tags)}> ≠ English <${sorted(reference.tags)}>`);
    }
    expect(broken).toEqual([]);
  });

  it(`spells out the plural categories ${PLURAL_CATEGORIES[locale].join('/')}`, () => {
    const lacking: string[] = [];
    for (const [key, message] of messages) {
      const shape = parseShape(message);
      if (shape instanceof Error) continue;
      for (const plural of shape.plurals) {
        const absent = PLURAL_CATEGORIES[locale].filter((c) => !plural.options.includes(c));
        if (absent.length > 0) lacking.push(`${key} {${plural.arg}}: no ${absent.join(', ')}`);
      }
    }
    expect(lacking).toEqual([]);
  });
});

/**
 * Keys built at run time from a value, so no source line spells them out in full. Each family is
 * used only if the source still builds it (the prefix below appears before a `${…}`), which the
 * last test checks, so an entry can't outlive its code.
 */
const DYNAMIC_FAMILIES: Record<string, string> = {
  'enums.': "every enum's values: t(`enums.${name}.${value}`) across the forms, filters and lists",
  'sentence.units.': 'penalty units by value (lib/format.ts showSentence/showPenalty)',
  'dates.': 'date precision by value: t(`dates.${precision}`) (lib/format.ts showDate)',
  'dashboard.axis_': 'the date axis options, by value',
  'dashboard.axisNote_': 'the note under the chosen date axis',
  'cases.basis.': 'stated or inferred legal basis, by value',
  'cases.basisShort.': 'stated or inferred legal basis, by value',
  'deleted.kinds.': 'record kinds on the deleted-records page, by value',
  'audit.actions.': 'audit actions by value (app/admin/audit, namespace audit)',
  'audit.targetKinds.': 'audit target kinds by value',
  'vocabulary.codes.': 'legal codes by value (admin vocabulary page and form)',
  'vocabulary.': 'the admin form labels its fields by name: t(`vocabulary.${name}`)',
  'filters.': 'filter labels by filter name (app/components/filter-fields.tsx, the PDF report)',
  'facts.': 'the facts a source supports, by value',
  'history.action.': 'revision actions by value (app/components/history.tsx)',
  'errors.': "a refused change's reason by value (app/records/actions.ts)",
  'reports.pdf.': "the report's own filter labels by name (lib/reports/report.ts)",
  'imports.errors.': 'upload refusals by value (lib/imports/upload.ts UPLOAD_ERRORS)',
  'twoFactor.errors.': 'two-factor refusals by reason (lib/two-factor/schema.ts)',
  'matching.reasons.': 'why two names may be one person, by kind (lib/people/likely.ts)',
  'merge.decisions.verdict.': 'a decision\'s verdict by value (app/people/[id]/decisions-section.tsx)',
  'merge.decisions.context.': 'where a decision was taken, by value (app/people/[id]/decisions-section.tsx)',
  'merge.refused.': 'why a decision, merge or undo was refused, by reason (app/people/actions.ts)',
  'locale.columns.': 'export headers built from the column names (lib/exports/headers.ts; headers.test.ts checks each)',
};

const ROOTS = ['app', 'lib', 'db'];
const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return rel === 'lib/i18n/messages' || entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [rel] : [];
  });
}

/** Every string literal of a file, and the namespaces its translators are bound to. */
function literalsOf(text: string): { literals: string[]; templatePrefixes: string[]; namespaces: string[] } {
  // Each kind of quote on its own pass, so a 'key' inside a `template ${t('key')}` is found too.
  const literals = [/'((?:\\.|[^'\\\n])*)'/g, /"((?:\\.|[^"\\\n])*)"/g, /`((?:\\.|[^`\\])*)`/g].flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
  const templatePrefixes = [...text.matchAll(/`([\w.]+)\$\{/g)].map((m) => m[1]);
  const namespaces = [...text.matchAll(/(?:getTranslations|useTranslations)\(\s*(?:\{[^}]*namespace:\s*)?'([\w.]+)'/g)].map((m) => m[1]);
  return { literals, templatePrefixes, namespaces };
}

describe('every English key', () => {
  const used = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const { literals, templatePrefixes, namespaces } = literalsOf(fs.readFileSync(path.join(root, file), 'utf8'));
    for (const literal of literals) {
      used.add(literal);
      for (const ns of namespaces) used.add(`${ns}.${literal}`);
    }
    for (const prefix of templatePrefixes) {
      prefixes.add(prefix);
      for (const ns of namespaces) prefixes.add(`${ns}.${prefix}`);
    }
  }

  it('is used in app/, lib/ or db/ (or belongs to a declared dynamic family)', () => {
    const unused = [...catalogues.en.keys()].filter(
      (key) => !used.has(key) && !Object.keys(DYNAMIC_FAMILIES).some((family) => key.startsWith(family)),
    );
    expect(unused).toEqual([]);
  });

  it('in a dynamic family is built somewhere (the allow-list has no stale entries)', () => {
    const stale = Object.keys(DYNAMIC_FAMILIES).filter((family) => ![...prefixes].some((p) => p.startsWith(family) || family.startsWith(p)));
    expect(stale).toEqual([]);
  });
});
