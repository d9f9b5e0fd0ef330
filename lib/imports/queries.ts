import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { charges, elections, importBatches, people, personNames, placeNames, places, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { Rollback, insertCase } from '@/lib/cases/queries';
import { caseInput, type CaseInput } from '@/lib/cases/schema';
import { foldName } from '@/lib/names/fold';
import { enumValue, columnOf, IGNORED_COLUMNS, knownColumns, REQUIRED_COLUMNS, rowToCaseForm } from './columns';
import { parseImportCsv, type CsvRow } from './csv';

type Reader = Pick<Tx, 'select' | 'selectDistinct'>;

export type RowError = { column: string; message: string };

/** One row as the preview shows it. */
export type PreviewRow = {
  row: number;
  activist: string;
  city: string;
  detainedOn: string;
  /** Whether the activist is a person already on record or will be added. */
  person: 'existing' | 'new';
  errors: RowError[];
};

export type ImportPreview = {
  batchId: string;
  fileName: string;
  rows: PreviewRow[];
  validCount: number;
  errorCount: number;
  ignoredColumns: string[];
};

export type FileError = { error: string; columns?: string[] };

type ValidatedRow = PreviewRow & { values: Record<string, string>; input: CaseInput | null };

/** Pending imports not confirmed within a day are dropped (they hold a copy of the file). */
const PENDING_LIFETIME_MS = 24 * 3600_000;

const squash = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The gazetteer and vocabularies, read once per import, to match names in the file. */
async function loadReferences(tx: Reader) {
  const [placeRows, chargeRows, electionRows] = await Promise.all([
    tx
      .select({ id: places.id, region: places.region, searchKey: placeNames.searchKey })
      .from(placeNames)
      .innerJoin(places, eq(places.id, placeNames.placeId)),
    tx.select({ id: charges.id, slug: charges.slug, name: charges.name, legalBasis: charges.legalBasis }).from(charges),
    tx.select({ id: elections.id, name: elections.name }).from(elections),
  ]);
  const byKey = new Map<string, Map<number, string>>();
  for (const p of placeRows) {
    const found = byKey.get(p.searchKey) ?? new Map<number, string>();
    found.set(p.id, p.region);
    byKey.set(p.searchKey, found);
  }
  return {
    /** A city by any of its names (Nur-Sultan = Astana = Нұр-Сұлтан), narrowed by region when needed. */
    place(city: string, region: string): number | 'unknown' | 'ambiguous' {
      const found = [...(byKey.get(foldName(city)) ?? new Map<number, string>()).entries()];
      const inRegion = region ? found.filter(([, r]) => squash(r) === squash(region)) : found;
      const candidates = inRegion.length ? inRegion : found;
      if (candidates.length === 0) return 'unknown';
      return candidates.length === 1 ? candidates[0][0] : 'ambiguous';
    },
    /** A charge by its legal basis ("CoAO art. 488"), else by its name or slug. */
    charge(legalBasis: string, name: string): number | null {
      let candidates = legalBasis ? chargeRows.filter((c) => squash(c.legalBasis) === squash(legalBasis)) : chargeRows;
      if (name) {
        const named = candidates.filter((c) => squash(c.name) === squash(name) || c.slug === squash(name));
        // The legal basis decides; a name worded differently from the vocabulary doesn't undo it.
        if (named.length || !legalBasis) candidates = named;
      }
      return candidates.length === 1 ? candidates[0].id : null;
    },
    election(name: string): number | null {
      return electionRows.find((e) => squash(e.name) === squash(name))?.id ?? null;
    },
  };
}

type References = Awaited<ReturnType<typeof loadReferences>>;

/**
 * The person a row names: one whose any name folds to the same key as the activist's name (or,
 * failing that, the Cyrillic name), preferring an exact display name when several fold alike.
 */
async function findPerson(tx: Reader, name: string, cyrillic: string): Promise<number | null | 'ambiguous'> {
  const lookUp = async (text: string) => {
    const key = foldName(text);
    if (!key) return [];
    return tx
      .selectDistinct({ id: people.id, displayName: people.displayName })
      .from(personNames)
      .innerJoin(people, eq(people.id, personNames.personId))
      .where(and(eq(personNames.searchKey, key), isNull(people.deletedAt)));
  };
  let found = name ? await lookUp(name) : [];
  if (found.length === 0 && cyrillic) found = await lookUp(cyrillic);
  if (found.length <= 1) return found[0]?.id ?? null;
  const exact = found.filter((p) => squash(p.displayName) === squash(name));
  return exact.length === 1 ? exact[0].id : 'ambiguous';
}

function importReason(batchId: string, fileName: string, row: number): string {
  return `Bulk import ${batchId.slice(0, 8)} of "${fileName.slice(0, 100)}", row ${row}`;
}

/** Checks every row against the form's rules and the database, without writing anything. */
async function validateRows(tx: Reader, rows: CsvRow[], batchId: string, fileName: string): Promise<ValidatedRow[]> {
  const refs: References = await loadReferences(tx);
  const out: ValidatedRow[] = [];
  // Sources the file adds in an earlier row need no title again in a later one.
  const addedUrls = new Set<string>();
  for (const { row, values, extraCells } of rows) {
    const errors: RowError[] = [];
    const add = (column: string, message: string) => {
      if (!errors.some((e) => e.column === column)) errors.push({ column, message });
    };
    if (extraCells) add('row', 'imports.errors.extraCells');
    const v = (column: string) => values[column] ?? '';

    let placeId: number | null = null;
    if (!v('city')) add('city', 'errors.required');
    else {
      const place = refs.place(v('city'), v('region'));
      if (place === 'unknown') add('city', 'imports.errors.unknownCity');
      else if (place === 'ambiguous') add('city', 'imports.errors.ambiguousCity');
      else placeId = place;
    }
    let chargeId: number | null = null;
    if (v('legal_basis') || v('charge')) {
      chargeId = refs.charge(v('legal_basis'), v('charge'));
      if (chargeId === null) add(v('legal_basis') ? 'legal_basis' : 'charge', 'imports.errors.unknownCharge');
    }
    let electionId: number | null = null;
    if (v('election')) {
      electionId = refs.election(v('election'));
      if (electionId === null) add('election', 'imports.errors.unknownElection');
    }
    let personId: number | null = null;
    if (v('activist')) {
      const person = await findPerson(tx, v('activist'), v('activist_cyrillic'));
      if (person === 'ambiguous') add('activist', 'imports.errors.ambiguousPerson');
      else personId = person;
    }

    const parsed = caseInput.safeParse(rowToCaseForm(values, { personId, placeId, chargeId, electionId }, importReason(batchId, fileName, row)));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(columnOf(issue.path.map(String).join('.')), issue.message);
    } else {
      const input = parsed.data;
      for (const [column, date] of [['detained_precision', input.detainedOn], ['sentenced_precision', input.sentencedOn]] as const) {
        if (v(column) && enumValue(v(column)) !== date.precision) add(column, 'imports.errors.precisionMismatch');
      }
      const urls = input.sources.map((s) => s.url);
      const known = await tx
        .select({ url: sources.url, deleted: sql<boolean>`${sources.deletedAt} IS NOT NULL` })
        .from(sources)
        .where(inArray(sources.url, urls));
      input.sources.forEach((s, i) => {
        const match = known.find((k) => k.url === s.url);
        if (match?.deleted) add(`source_${i + 1}_url`, 'errors.sourceDeleted');
        else if (!match && !addedUrls.has(s.url) && !s.title) add(`source_${i + 1}_title`, 'errors.sourceTitleRequired');
      });
      if (errors.length === 0) for (const s of input.sources) addedUrls.add(s.url);
    }
    out.push({
      row,
      values,
      activist: v('activist'),
      city: v('city'),
      detainedOn: v('detained_on'),
      person: personId === null ? 'new' : 'existing',
      errors,
      input: errors.length === 0 && parsed.success ? parsed.data : null,
    });
  }
  return out;
}

function summarise(rows: ValidatedRow[]): PreviewRow[] {
  return rows.map(({ row, activist, city, detainedOn, person, errors }) => ({ row, activist, city, detainedOn, person, errors }));
}

function checkHeader(header: string[]): FileError | { ignored: string[] } {
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { error: 'imports.errors.missingColumns', columns: missing };
  const known = knownColumns();
  const ignored = header.filter((h) => h && !known.has(h) && !(IGNORED_COLUMNS as readonly string[]).includes(h));
  return { ignored };
}

/**
 * Checks an uploaded file and keeps it as a pending import of this user; writes no record.
 * Every row comes back with its errors, named by row number and column.
 */
export async function previewImport(actor: Actor, fileName: string, text: string): Promise<{ ok: true; preview: ImportPreview } | ({ ok: false } & FileError)> {
  const parsed = parseImportCsv(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const header = checkHeader(parsed.header);
  if ('error' in header) return { ok: false, ...header };
  const batchId = randomUUID();
  const rows = await validateRows(db, parsed.rows, batchId, fileName);
  await db.delete(importBatches).where(and(eq(importBatches.status, 'pending'), lt(importBatches.createdAt, new Date(Date.now() - PENDING_LIFETIME_MS))));
  await db.insert(importBatches).values({ id: batchId, userId: actor.id, fileName, csv: text, rowCount: rows.length });
  const errorCount = rows.filter((r) => r.errors.length).length;
  return {
    ok: true,
    preview: { batchId, fileName, rows: summarise(rows), validCount: rows.length - errorCount, errorCount, ignoredColumns: header.ignored },
  };
}

export type CommitResult =
  | { ok: true; imported: number; skipped: number }
  | { ok: false; reason: 'notFound' | 'nothingValid' }
  | { ok: false; reason: 'invalid'; rows: PreviewRow[] };

/** A row refused by insertCase: carries its row number out of the rolled-back transaction. */
class RowRollback extends Error {
  constructor(readonly row: PreviewRow) {
    super('rollback');
  }
}

/**
 * Imports a pending file of this user in ONE transaction: the file is checked again here (never
 * trusting the preview), then every valid row goes through insertCase, which writes its revision
 * with the import as the reason. Any refusal rolls the whole import back. With skipInvalid false,
 * a file with any invalid row imports nothing. A pending import is imported at most once.
 */
export async function commitImport(actor: Actor, batchId: string, { skipInvalid }: { skipInvalid: boolean }): Promise<CommitResult> {
  try {
    return await db.transaction(async (tx): Promise<CommitResult> => {
      const [batch] = await tx
        .select({ id: importBatches.id, fileName: importBatches.fileName, csv: importBatches.csv })
        .from(importBatches)
        .where(and(eq(importBatches.id, batchId), eq(importBatches.userId, actor.id), eq(importBatches.status, 'pending'), isNotNull(importBatches.csv)))
        .for('update');
      if (!batch?.csv) return { ok: false, reason: 'notFound' };
      const parsed = parseImportCsv(batch.csv);
      if (!parsed.ok) return { ok: false, reason: 'notFound' };
      const rows = await validateRows(tx, parsed.rows, batch.id, batch.fileName);
      const invalid = rows.filter((r) => !r.input);
      if (invalid.length && !skipInvalid) return { ok: false, reason: 'invalid', rows: summarise(rows) };
      const valid = rows.filter((r) => r.input);
      if (valid.length === 0) return { ok: false, reason: 'nothingValid' };
      for (const r of valid) {
        const input = r.input!;
        // A person added by an earlier row of this file is the same person, not a new one.
        const personId = input.personId ?? (await findPerson(tx, r.values.activist ?? '', r.values.activist_cyrillic ?? ''));
        try {
          await insertCase(tx, actor, { ...input, personId: typeof personId === 'number' ? personId : null });
        } catch (error) {
          if (!(error instanceof Rollback)) throw error;
          const errors = 'errors' in error.result ? Object.entries(error.result.errors).map(([path, [message]]) => ({ column: columnOf(path), message })) : [];
          throw new RowRollback({ ...summarise([r])[0], errors });
        }
      }
      await tx
        .update(importBatches)
        .set({ status: 'imported', importedCount: valid.length, importedAt: new Date(), csv: null })
        .where(eq(importBatches.id, batch.id));
      return { ok: true, imported: valid.length, skipped: invalid.length };
    });
  } catch (error) {
    if (error instanceof RowRollback) return { ok: false, reason: 'invalid', rows: [error.row] };
    throw error;
  }
}
