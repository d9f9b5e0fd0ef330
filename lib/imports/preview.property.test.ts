import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvLine } from '@/lib/exports/cells';
import type { Actor } from '@/lib/auth/policy';
import messages from '@/lib/i18n/messages/en';
import { dateText, nastyText, numberText, SEED, urlText } from '@/lib/test/arbitraries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor } from '@/lib/test/factories';
import { knownColumns, REQUIRED_COLUMNS } from './columns';
import { parseImportCsv } from './csv';
import { previewImport } from './queries';

useTestDatabase();

/**
 * Whatever a spreadsheet (or a hand-edited file) holds, the import preview answers with a file
 * error or with every row and that row's errors: never an exception.
 */

// The numbered groups' first two of each (charges, their penalties, events, sources), so a random
// header still names the fields that interact: a charge with a penalty, an event with its source.
const COLUMNS = [...knownColumns()].filter((c) => [...c.matchAll(/_(\d+)_/g)].every(([, n]) => Number(n) <= 2));

const cell = fc.oneof(
  nastyText,
  dateText,
  numberText,
  urlText,
  fc.constantFrom('Aktobe', 'Astana', 'Nur-Sultan', 'Нұр-Сұлтан', 'Almaty', 'Springfield', 'day', 'month', 'year', 'fine', 'guilty', 'restricted', 'CoAO art. 488', 'coao-488', 'person;date', '=1+1', "'=1+1"),
  fc.constantFrom('on_or_before', 'between', 'approximately', 'stated', 'inferred', 'convicted', 'USD', 'MCI', 'days', 'hearing_held', 'released', 'region', 'not_stated', 'Almaty Region'),
);

const header = fc
  .tuple(fc.subarray(COLUMNS, { maxLength: 12 }), fc.oneof({ weight: 9, arbitrary: fc.constant([...REQUIRED_COLUMNS]) }, { weight: 1, arbitrary: fc.subarray([...REQUIRED_COLUMNS]) }), fc.array(nastyText, { maxLength: 2 }))
  .map(([some, required, odd]) => [...new Set([...required, ...some]), ...odd]);

/** A file: well-formed CSV (as a spreadsheet saves it) or cells joined by hand, quotes and all. */
const csvFile = header
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(fc.array(cell, { minLength: names.length, maxLength: names.length + 2 }), { minLength: 1, maxLength: 5 }),
      fc.boolean(),
      fc.boolean(),
    ),
  )
  .map(([names, rows, wellFormed, bom]) => {
    const line = (cells: string[]) => (wellFormed ? csvLine(cells) : `${cells.join(',')}\n`);
    return (bom ? '\uFEFF' : '') + line(names) + rows.map(line).join('');
  })
  // The upload action refuses what is not UTF-8 before the preview sees it.
  .map((text) => text.toWellFormed())
  .filter((text) => !text.includes('\uFFFD'));

function messageExists(key: string): boolean {
  let node: unknown = messages;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string';
}

let monitor: Actor;

beforeAll(async () => {
  monitor = await createActor('monitor');
});

describe('the CSV import preview, whatever the file', () => {
  it('reads any text without throwing, numbering rows as a spreadsheet does', () => {
    fc.assert(
      fc.property(fc.oneof(csvFile, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const parsed = parseImportCsv(text);
        if (!parsed.ok) {
          expect(messageExists(parsed.error), parsed.error).toBe(true);
          return;
        }
        const numbers = parsed.rows.map((r) => r.row);
        expect(numbers.every((n, i) => n >= 2 && (i === 0 || n > numbers[i - 1]))).toBe(true);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('reports every row with its own errors, or one file error, never an exception', async () => {
    let previews = 0;
    await fc.assert(
      fc.asyncProperty(csvFile, async (text) => {
        const result = await previewImport(monitor, 'property.csv', text);
        if (!result.ok) {
          expect(messageExists(result.error), result.error).toBe(true);
          return;
        }
        previews += 1;
        const { rows, validCount, errorCount } = result.preview;
        const parsed = parseImportCsv(text);
        expect(parsed.ok && rows.map((r) => r.row)).toEqual(parsed.ok && parsed.rows.map((r) => r.row));
        expect(validCount + errorCount).toBe(rows.length);
        for (const row of rows) {
          for (const error of row.errors) expect(messageExists(error.message), `row ${row.row} ${error.column}: ${error.message}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
    // Most files had the required columns, so rows were checked, not just headers refused.
    expect(previews).toBeGreaterThan(25);
  });
});
