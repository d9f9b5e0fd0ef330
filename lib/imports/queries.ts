import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import {
  charges,
  citations,
  detentions,
  elections,
  importBatches,
  people,
  personNames,
  placeNames,
  places,
  sources,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { detailArraysOf, detailsSummary, insertDetails } from '@/lib/cases/details';
import { citationSummary, detentionValues } from '@/lib/cases/queries';
import { caseInput, type CaseInput, type SourceRowInput } from '@/lib/cases/schema';
import { formatInterval } from '@/lib/dates/interval';
import { chargeColumn, eventColumn } from '@/lib/exports/columns';
import { addToStats } from '@/lib/dashboard/stats';
import { recordRevisions } from '@/lib/history/revisions';
import { foldName } from '@/lib/names/fold';
import { matchPlace, type GazetteerEntry } from '@/lib/places/match';
import { CONTROL_CHARACTERS_ERROR, columnsWithControlCharacters } from '@/lib/text/control';
import { nameRows } from '@/lib/people/queries';
import { choosablePeople, findLikelyPeopleForNames, recordDifferent, type LikelyPerson } from '@/lib/people/likely';
import { recordAudit } from '@/lib/audit/log';
import { enqueueCaptures } from '@/lib/evidence/requests';
import { splitMessage } from '@/lib/forms';
import { newSourceValues, sourceCreated } from '@/lib/sources/queries';
import { bulkInsert } from '@/lib/transactions/bulk-insert';
import { withRetry } from '@/lib/transactions/retry';
import {
  chargeCountOf,
  eventCountOf,
  IGNORED_COLUMNS,
  knownColumns,
  PREVIOUS_TEMPLATE_COLUMNS,
  REQUIRED_COLUMNS,
  rowToCaseForm,
  type RowError,
} from './columns';
import { parseImportCsv, type CsvRow } from './csv';

type Reader = Pick<Tx, 'select' | 'selectDistinct'>;

export type { RowError };

/** One row as the preview shows it. */
export type PreviewRow = {
  row: number;
  activist: string;
  /** The city, else the region, else the place precision, as the row gives them. */
  place: string;
  /** The detention date as read ("≤ 2019-03-18"), or the cells as typed when they are not valid. */
  detained: string;
  /** Whether the activist is a person already on record or will be added. */
  person: 'existing' | 'new';
  /**
   * For a row that would add a person: the people already on record its activist likely names
   * (the duplicate warning), for the monitor to choose between per row before committing.
   */
  candidates?: ImportCandidate[];
  errors: RowError[];
};

export type ImportCandidate = Pick<LikelyPerson, 'id' | 'displayName' | 'matchedName' | 'reasons' | 'detentions'>;

/**
 * The monitor's answer for one row of the preview: use a person on record (`existing`), or add a
 * new one (`different`, with the people proposed, so the pairs are not proposed again); a row
 * without an answer adds a new person and records nothing.
 */
export type PersonChoice = { existing: number } | { different: number[] };

/** How many people on record the preview proposes per row. */
const CANDIDATES_PER_ROW = 3;

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

/** Stands in for a NUL byte of the file in the stored copy (see storeImport). */
const NUL_STAND_IN = '\uFFFD';

/** Pending imports not confirmed within a day are dropped (they hold a copy of the file). */
const PENDING_LIFETIME_MS = 24 * 3600_000;

const squash = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The gazetteer and vocabularies, read once per import, to match names in the file. */
async function loadReferences(tx: Reader) {
  const [placeRows, chargeRows, electionRows] = await Promise.all([
    tx
      .select({ id: places.id, name: places.name, region: places.region, kind: places.kind, variant: placeNames.name })
      .from(placeNames)
      .innerJoin(places, eq(places.id, placeNames.placeId)),
    tx.select({ id: charges.id, slug: charges.slug, name: charges.name, legalBasis: charges.legalBasis }).from(charges),
    tx.select({ id: elections.id, name: elections.name }).from(elections),
  ]);
  const gazetteer = new Map<number, GazetteerEntry & { names: string[] }>();
  const regions = new Map<string, string>();
  for (const p of placeRows) {
    regions.set(squash(p.region), p.region);
    const entry = gazetteer.get(p.id) ?? { id: p.id, name: p.name, region: p.region, kind: p.kind, names: [p.name] };
    entry.names.push(p.variant);
    gazetteer.set(p.id, entry);
  }
  const entries = [...gazetteer.values()];
  return {
    /**
     * A city by any of its names and their declined forms (Nur-Sultan = Astana = Нұр-Сұлтан,
     * "в Уральске" = Oral), narrowed by region when several fit; else the places it could be.
     */
    place(city: string, region: string): number | 'unknown' | { ambiguous: string } {
      const found = matchPlace(city, entries);
      const inRegion = region ? found.filter((m) => squash(m.place.region) === squash(region)) : found;
      const candidates = inRegion.length ? inRegion : found;
      if (candidates.length === 0) return 'unknown';
      if (candidates.length === 1) return candidates[0].place.id;
      return { ambiguous: candidates.map((m) => `${m.place.name} (${m.place.region})`).join('; ') };
    },
    /** A region (oblast) as the gazetteer spells it, whatever the case or spacing in the file. */
    region(text: string): string | null {
      return regions.get(squash(text)) ?? null;
    },
    /**
     * A vocabulary entry: by its slug when given (the export's charge_N_vocabulary); else by its
     * legal basis ("CoAO art. 488"), else by its name.
     */
    charge(slug: string, legalBasis: string, name: string): number | null {
      if (slug) return chargeRows.find((c) => c.slug === squash(slug))?.id ?? null;
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

/** Every person any of `texts` names, by folded name key: one query for the whole file. */
async function loadPeople(tx: Reader, texts: string[]) {
  const keys = [...new Set(texts.map(foldName).filter(Boolean))];
  const found = keys.length
    ? await tx
        .selectDistinct({ key: personNames.searchKey, id: people.id, displayName: people.displayName })
        .from(personNames)
        .innerJoin(people, eq(people.id, personNames.personId))
        .where(and(sql`${personNames.searchKey} IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`, isNull(people.deletedAt), isNull(people.mergedIntoId)))
    : [];
  const byKey = new Map<string, Map<number, string>>();
  for (const p of found) byKey.set(p.key, (byKey.get(p.key) ?? new Map()).set(p.id, p.displayName));
  return byKey;
}

/**
 * The person a row names: one whose any name folds to the same key as the activist's name (or,
 * failing that, the Cyrillic name), preferring an exact display name when several fold alike.
 */
function findPerson(byKey: Map<string, Map<number, string>>, name: string, cyrillic: string): number | null | 'ambiguous' {
  const lookUp = (text: string) => [...(byKey.get(foldName(text)) ?? new Map<number, string>()).entries()];
  let found = name ? lookUp(name) : [];
  if (found.length === 0 && cyrillic) found = lookUp(cyrillic);
  if (found.length <= 1) return found[0]?.[0] ?? null;
  const exact = found.filter(([, displayName]) => squash(displayName) === squash(name));
  return exact.length === 1 ? exact[0][0] : 'ambiguous';
}

/** Sources on record (deleted ones too) by URL: one query for the whole file. */
async function loadSources(tx: Reader, urls: string[]) {
  const unique = [...new Set(urls)];
  const found = unique.length
    ? await tx
        .select({ id: sources.id, url: sources.url, deleted: sql<boolean>`${sources.deletedAt} IS NOT NULL` })
        .from(sources)
        .where(sql`${sources.url} IN (SELECT jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb))`)
    : [];
  return new Map(found.map((s) => [s.url, s]));
}

function importReason(batchId: string, fileName: string, row: number): string {
  return `Bulk import ${batchId.slice(0, 8)} of "${fileName.slice(0, 100)}", row ${row}`;
}

/**
 * Checks every row against the form's rules and the database, without writing anything. Every
 * look-up is one query for the whole file (people, sources) or read once (gazetteer, vocabularies).
 */
async function validateRows(tx: Reader, rows: CsvRow[], batchId: string, fileName: string): Promise<ValidatedRow[]> {
  const refs: References = await loadReferences(tx);
  const peopleByKey = await loadPeople(tx, rows.flatMap(({ values }) => [values.activist ?? '', values.activist_cyrillic ?? '']));
  const checked = rows.map(({ row, values, extraCells }) => {
    const errors: RowError[] = [];
    const add = (column: string, message: string, params?: RowError['params']) => {
      if (!errors.some((e) => e.column === column)) errors.push(params ? { column, message, params } : { column, message });
    };
    if (extraCells) add('row', 'imports.errors.extraCells');
    // Control characters (a NUL byte kept as its stand-in included) never reach a query: the cell
    // is named. The form's zod fields refuse them too; this also covers columns that are only
    // looked up (city, region, charge, election).
    const withNul = Object.keys(values).filter((column) => values[column].includes(NUL_STAND_IN));
    for (const column of [...withNul, ...columnsWithControlCharacters(values)]) add(column, CONTROL_CHARACTERS_ERROR);
    const v = (column: string) => values[column] ?? '';

    let placeId: number | null = null;
    if (v('city')) {
      const place = refs.place(v('city'), v('region'));
      if (place === 'unknown') add('city', 'imports.errors.unknownCity');
      else if (typeof place === 'object') add('city', 'places.ambiguousImport', { options: place.ambiguous });
      else placeId = place;
    }
    let region: string | null = null;
    if (v('region') && !v('city')) {
      region = refs.region(v('region'));
      if (region === null) add('region', 'imports.errors.unknownRegion');
    }
    const chargeIds = Array.from({ length: chargeCountOf(values) }, (_, i) => {
      const c = (field: string) => v(chargeColumn(i + 1, field));
      if (!c('vocabulary') && !c('legal_basis') && !c('name')) return null;
      const found = refs.charge(c('vocabulary'), c('legal_basis'), c('name'));
      if (found === null) add(chargeColumn(i + 1, c('vocabulary') ? 'vocabulary' : c('legal_basis') ? 'legal_basis' : 'name'), 'imports.errors.unknownCharge');
      return found;
    });
    const eventPlaceIds = Array.from({ length: eventCountOf(values) }, (_, i) => {
      const name = v(eventColumn(i + 1, 'place'));
      if (!name) return null;
      const place = refs.place(name, '');
      if (typeof place === 'number') return place;
      if (place === 'unknown') add(eventColumn(i + 1, 'place'), 'imports.errors.unknownCity');
      else add(eventColumn(i + 1, 'place'), 'places.ambiguousImport', { options: place.ambiguous });
      return null;
    });
    let electionId: number | null = null;
    if (v('election')) {
      electionId = refs.election(v('election'));
      if (electionId === null) add('election', 'imports.errors.unknownElection');
    }
    let personId: number | null = null;
    if (v('activist')) {
      const person = findPerson(peopleByKey, v('activist'), v('activist_cyrillic'));
      if (person === 'ambiguous') add('activist', 'imports.errors.ambiguousPerson');
      else personId = person;
    }
    // Every cell goes through the form's zod schema, so its rules (lengths, control characters,
    // dates and intervals, units, charges, events) give the row a column error rather than
    // reaching the database.
    const { form, columnOf, errors: rowErrors } = rowToCaseForm(
      values,
      { personId, placeId, region, electionId, chargeIds, eventPlaceIds },
      importReason(batchId, fileName, row),
    );
    for (const e of rowErrors) add(e.column, e.message);
    const parsed = caseInput.safeParse(form);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { key, params } = splitMessage(issue.message);
        add(columnOf(issue.path.map(String).join('.')), key, params);
      }
    }
    return { row, values, personId, errors, add, input: parsed.success ? parsed.data : null };
  });

  const known = await loadSources(tx, checked.flatMap((r) => r.input?.sources.map((s) => s.url) ?? []));
  // Sources the file adds in an earlier row need no title again in a later one.
  const addedUrls = new Set<string>();
  return checked.map(({ row, values, personId, errors, add, input }) => {
    input?.sources.forEach((s, i) => {
      const match = known.get(s.url);
      if (match?.deleted) add(`source_${i + 1}_url`, 'errors.sourceDeleted');
      else if (!match && !addedUrls.has(s.url) && !s.title) add(`source_${i + 1}_title`, 'errors.sourceTitleRequired');
    });
    if (input && errors.length === 0) for (const s of input.sources) addedUrls.add(s.url);
    const v = (column: string) => values[column] ?? '';
    return {
      row,
      values,
      activist: v('activist'),
      place: v('city') || v('region') || v('place_precision'),
      detained: input ? formatInterval(input.detained) : [v('detained_earliest'), v('detained_latest')].filter(Boolean).join(' – '),
      person: personId === null ? ('new' as const) : ('existing' as const),
      errors,
      input: errors.length === 0 ? input : null,
    };
  });
}

function summarise(rows: ValidatedRow[]): PreviewRow[] {
  return rows.map(({ row, activist, place, detained, person, candidates, errors }) => ({
    row,
    activist,
    place,
    detained,
    person,
    ...(candidates?.length ? { candidates } : {}),
    errors,
  }));
}

/**
 * The duplicate warning for the preview: rows that would add a person get the people on record
 * their activist likely names. One prefilter query for the whole file (each distinct name once).
 */
async function withCandidates(actor: Actor, rows: ValidatedRow[]): Promise<ValidatedRow[]> {
  const asking = rows.filter((r) => r.person === 'new' && r.activist);
  const names = [...new Set(asking.map((r) => r.activist))];
  if (names.length === 0) return rows;
  const found = await findLikelyPeopleForNames(actor, names, { limit: CANDIDATES_PER_ROW });
  const byName = new Map(names.map((n, i) => [n, found[i]]));
  return rows.map((r) => {
    const likely = r.person === 'new' ? byName.get(r.activist) : undefined;
    if (!likely?.length) return r;
    return { ...r, candidates: likely.map(({ id, displayName, matchedName, reasons, detentions }) => ({ id, displayName, matchedName, reasons, detentions })) };
  });
}

/**
 * Applies the monitor's per-row answers to the checked rows, verified first: every person named
 * must be one the actor may choose (on record, not deleted or merged, visible). A row naming one
 * that is not comes back with the error, and nothing is imported.
 */
async function applyChoices(actor: Actor, rows: ValidatedRow[], choices: ReadonlyMap<number, PersonChoice>): Promise<{ rows: ValidatedRow[] } | { refused: ValidatedRow }> {
  const named = [...choices.values()].flatMap((c) => ('existing' in c ? [c.existing] : c.different));
  const choosable = await choosablePeople(db, actor, named);
  const out: ValidatedRow[] = [];
  for (const r of rows) {
    const choice = choices.get(r.row);
    if (!choice || !r.input || r.input.personId !== null) {
      out.push(r);
      continue;
    }
    if ('existing' in choice) {
      if (!choosable.has(choice.existing)) return { refused: { ...r, errors: [{ column: 'activist', message: 'matching.errors.personUnavailable' }] } };
      out.push({ ...r, person: 'existing', input: { ...r.input, personId: choice.existing, personFromWarning: true } });
    } else {
      if (choice.different.some((id) => !choosable.has(id))) return { refused: { ...r, errors: [{ column: 'activist', message: 'matching.errors.unknownPerson' }] } };
      out.push({ ...r, input: { ...r.input, differentFrom: choice.different } });
    }
  }
  return { rows: out };
}

function checkHeader(header: string[]): FileError | { ignored: string[] } {
  const previous = PREVIOUS_TEMPLATE_COLUMNS.filter((c) => header.includes(c));
  if (previous.length) return { error: 'imports.errors.previousTemplate', columns: previous };
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { error: 'imports.errors.missingColumns', columns: missing };
  const known = knownColumns();
  const ignored = header.filter((h) => h && !known.has(h) && !(IGNORED_COLUMNS as readonly string[]).includes(h));
  return { ignored };
}

/**
 * Keeps an uploaded file as a pending import of this user, once its file-level checks pass (UTF-8,
 * CSV, rows, required columns); writes no record. The rows are checked by getImportPreview.
 */
export async function storeImport(actor: Actor, fileName: string, text: string): Promise<{ ok: true; batchId: string } | ({ ok: false } & FileError)> {
  // Invalid UTF-8 decodes to U+FFFD: names would be garbled, so refuse the file rather than guess.
  if (text.includes('\uFFFD')) return { ok: false, error: 'imports.errors.notUtf8' };
  // PostgreSQL text cannot hold NUL: it is kept as U+FFFD, which no accepted file holds (above),
  // so the row check still finds it and names the cell (validateRows).
  const kept = text.replaceAll('\0', NUL_STAND_IN);
  const parsed = parseImportCsv(kept);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const header = checkHeader(parsed.header);
  if ('error' in header) return { ok: false, ...header };
  const batchId = randomUUID();
  await db.delete(importBatches).where(and(eq(importBatches.status, 'pending'), lt(importBatches.createdAt, new Date(Date.now() - PENDING_LIFETIME_MS))));
  await db.insert(importBatches).values({ id: batchId, userId: actor.id, fileName, csv: kept, rowCount: parsed.rows.length });
  return { ok: true, batchId };
}

/** Every row of a pending import of this user with its problems, checked now; null when there is none. */
export async function getImportPreview(actor: Actor, batchId: string): Promise<ImportPreview | null> {
  const [batch] = await db
    .select({ id: importBatches.id, fileName: importBatches.fileName, csv: importBatches.csv })
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.userId, actor.id), eq(importBatches.status, 'pending'), isNotNull(importBatches.csv)));
  if (!batch?.csv) return null;
  const parsed = parseImportCsv(batch.csv);
  if (!parsed.ok) return null;
  const header = checkHeader(parsed.header);
  const rows = await withCandidates(actor, await validateRows(db, parsed.rows, batch.id, batch.fileName));
  const errorCount = rows.filter((r) => r.errors.length).length;
  return {
    batchId: batch.id,
    fileName: batch.fileName,
    rows: summarise(rows),
    validCount: rows.length - errorCount,
    errorCount,
    ignoredColumns: 'ignored' in header ? header.ignored : [],
  };
}

/** Stores a file and checks its rows (the upload, then the page it leads to). */
export async function previewImport(actor: Actor, fileName: string, text: string): Promise<{ ok: true; preview: ImportPreview } | ({ ok: false } & FileError)> {
  const stored = await storeImport(actor, fileName, text);
  if (!stored.ok) return stored;
  return { ok: true, preview: (await getImportPreview(actor, stored.batchId))! };
}

export type CommitResult =
  | { ok: true; imported: number; skipped: number }
  | { ok: false; reason: 'notFound' | 'nothingValid' }
  | { ok: false; reason: 'invalid'; rows: PreviewRow[] };

/** A row refused inside the transaction: carries its row number out of the rolled-back transaction. */
class RowRollback extends Error {
  constructor(readonly row: PreviewRow) {
    super('rollback');
  }
}

const refuse = (r: ValidatedRow, column: string, message: string) => new RowRollback({ ...summarise([r])[0], errors: [{ column, message }] });

/**
 * The new people of the file: a row that names no one on record adds a person, and a later row
 * naming that person again (by any spelling of a name the earlier row gave) is the same person.
 */
function planPeople(rows: ValidatedRow[]) {
  const created: { first: ValidatedRow; input: CaseInput }[] = [];
  const byKey = new Map<string, number>();
  const personOf = rows.map((r): { existing: number } | { created: number } => {
    const input = r.input!;
    if (input.personId !== null) return { existing: input.personId };
    const keys = [input.personName ?? '', input.personNameCyrillic ?? ''].map(foldName).filter(Boolean);
    const known = keys.map((k) => byKey.get(k)).find((i) => i !== undefined);
    if (known !== undefined) return { created: known };
    created.push({ first: r, input });
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, created.length - 1);
    return { created: created.length - 1 };
  });
  return { created, personOf };
}

/**
 * Writes the checked rows in bulk inside the caller's transaction: a few multi-row INSERTs per
 * table and one rollup update (keys in sorted order), instead of a dozen statements per row, so
 * the transaction (and, on PGlite, every reader waiting for it) is held for a fraction of a second.
 * It re-checks only what can have changed since the checks before the transaction: people and
 * sources deleted meanwhile, and sources another monitor added meanwhile (ON CONFLICT).
 */
async function writeRows(tx: Tx, actor: Actor, rows: ValidatedRow[]): Promise<{ personIds: number[]; detentionIds: number[] }> {
  const { created, personOf } = planPeople(rows);

  const existing = [...new Set(personOf.flatMap((p) => ('existing' in p ? [p.existing] : [])))];
  const live = new Set(
    existing.length
      ? (await tx.select({ id: people.id }).from(people).where(and(inArray(people.id, existing), isNull(people.deletedAt), isNull(people.mergedIntoId)))).map((p) => p.id)
      : [],
  );
  personOf.forEach((p, i) => {
    if ('existing' in p && !live.has(p.existing)) throw refuse(rows[i], 'activist', 'errors.unknownChoice');
  });

  const newPeople = created.map(({ input }) => ({
    displayName: input.personName!,
    role: input.personRole,
    affiliation: input.personAffiliation,
    notes: null,
    variants: input.personNameCyrillic ? [input.personNameCyrillic] : [],
  }));
  const personIds = (
    await bulkInsert<typeof people, { id: number }>(tx, people, newPeople.map(({ variants: _, ...p }) => ({ ...p, createdById: actor.id })), { returning: ['id'] })
  ).map((p) => p.id);
  await bulkInsert(tx, personNames, newPeople.flatMap((p, i) => nameRows(personIds[i], [p.displayName, ...p.variants])));

  // Sources: the file's URLs on record now, then the new ones (first row that names each).
  const citing = rows.flatMap((r) => r.input!.sources.map((source, index) => ({ r, source, index })));
  const urls = [...new Set(citing.map((c) => c.source.url))];
  const onRecord = await loadSources(tx, urls);
  const firstNaming = new Map<string, SourceRowInput>();
  for (const { source } of citing) if (!onRecord.has(source.url) && source.title && !firstNaming.has(source.url)) firstNaming.set(source.url, source);
  // Another monitor may add the same URL meanwhile: then theirs is used (looked up below).
  const added = await bulkInsert<typeof sources, { id: number; url: string }>(
    tx,
    sources,
    [...firstNaming.values()].map((source) => newSourceValues(actor, source)),
    { returning: ['id', 'url'], ignoreConflicts: true },
  );
  // Each new source is captured after the import (lib/evidence/requests.ts), asked for in this transaction.
  await enqueueCaptures(tx, added.map((s) => s.id), actor.id);
  const sourceIds = new Map(added.map((s) => [s.url, s.id]));
  const missing = urls.filter((u) => !sourceIds.has(u) && !onRecord.has(u));
  for (const [url, s] of [...onRecord, ...(missing.length ? await loadSources(tx, missing) : new Map())]) {
    if (!s.deleted) sourceIds.set(url, s.id);
  }
  for (const { r, source, index } of citing) {
    if (!sourceIds.has(source.url)) throw refuse(r, `source_${index + 1}_url`, 'errors.sourceDeleted');
  }

  const records = rows.map((r, i) => {
    const p = personOf[i];
    const input = r.input!;
    const ids = input.sources.map((s) => sourceIds.get(s.url)!);
    return { input, ids, values: detentionValues(input, 'existing' in p ? p.existing : personIds[p.created]) };
  });
  const detentionIds = (
    await bulkInsert<typeof detentions, { id: number }>(
      tx,
      detentions,
      records.map(({ input, values }) => ({ ...values, ...detailArraysOf(input), createdById: actor.id, updatedById: actor.id })),
      { returning: ['id'] },
    )
  ).map((d) => d.id);
  await bulkInsert(
    tx,
    citations,
    records.flatMap(({ input, ids }, i) =>
      ids.map((sourceId, j) => ({ detentionId: detentionIds[i], sourceId, locator: input.sources[j].locator, supports: input.sources[j].supports })),
    ),
  );
  await insertDetails(tx, records.map(({ input, ids }, i) => ({ detentionId: detentionIds[i], input, sourceIds: ids })));
  await recordRevisions(tx, [
    ...newPeople.map((p, i) => ({ kind: 'person' as const, id: personIds[i], action: 'create' as const, version: 1, userId: actor.id, changes: p })),
    ...added.map((s) => ({ kind: 'source' as const, id: s.id, action: 'create' as const, version: 1, userId: actor.id, changes: sourceCreated(firstNaming.get(s.url)!) })),
    ...records.map(({ input, ids, values }, i) => ({
      kind: 'detention' as const,
      id: detentionIds[i],
      action: 'create' as const,
      version: 1,
      userId: actor.id,
      changes: { ...values, ...detailsSummary(input, ids), sources: citationSummary(input, ids) },
      reason: input.reason,
    })),
  ]);
  await addToStats(tx, sql`d.id = ANY(${`{${detentionIds.join(',')}}`}::int[])`);
  return { personIds: records.map(({ values }) => values.personId), detentionIds };
}

/**
 * What the monitor answered in the preview, in the import's transaction: "a new person" as a
 * "different" decision against each person proposed, "same person" as an audit entry per row.
 */
async function recordChoices(tx: Tx, actor: Actor, rows: ValidatedRow[], written: { personIds: number[]; detentionIds: number[] }) {
  for (const [i, r] of rows.entries()) {
    const input = r.input!;
    if (input.personFromWarning && input.personId !== null) {
      await recordAudit(
        { action: 'person_chosen_from_warning', actorId: actor.id, targetKind: 'person', targetId: input.personId, details: { context: 'import', detentionId: written.detentionIds[i] } },
        tx,
      );
    }
    for (const other of input.differentFrom) await recordDifferent(tx, actor, written.personIds[i], other, 'import');
  }
}


/**
 * Imports a pending file of this user in ONE transaction. The file is checked again first (never
 * trusting the preview) and every look-up is made before the transaction opens; inside it the
 * rows are written in bulk with their revisions (the import as the reason). Any refusal rolls the
 * whole import back. With skipInvalid false, a file with any invalid row imports nothing. A
 * pending import is imported at most once.
 */
export async function commitImport(
  actor: Actor,
  batchId: string,
  { skipInvalid, personChoices = new Map() }: { skipInvalid: boolean; personChoices?: ReadonlyMap<number, PersonChoice> },
): Promise<CommitResult> {
  const pending = and(eq(importBatches.id, batchId), eq(importBatches.userId, actor.id), eq(importBatches.status, 'pending'), isNotNull(importBatches.csv));
  const [batch] = await db.select({ id: importBatches.id, fileName: importBatches.fileName, csv: importBatches.csv }).from(importBatches).where(pending);
  if (!batch?.csv) return { ok: false, reason: 'notFound' };
  const parsed = parseImportCsv(batch.csv);
  if (!parsed.ok) return { ok: false, reason: 'notFound' };
  const rows = await validateRows(db, parsed.rows, batch.id, batch.fileName);
  const invalid = rows.filter((r) => !r.input);
  if (invalid.length && !skipInvalid) return { ok: false, reason: 'invalid', rows: summarise(rows) };
  const chosen = await applyChoices(actor, rows.filter((r) => r.input), personChoices);
  if ('refused' in chosen) return { ok: false, reason: 'invalid', rows: summarise([chosen.refused]) };
  const valid = chosen.rows;
  if (valid.length === 0) return { ok: false, reason: 'nothingValid' };
  try {
    return await withRetry(() =>
      db.transaction(async (tx): Promise<CommitResult> => {
        // Two confirmations of one file (a double click, two tabs): the second finds it imported.
        const [locked] = await tx.select({ id: importBatches.id }).from(importBatches).where(pending).for('update');
        if (!locked) return { ok: false, reason: 'notFound' };
        await recordChoices(tx, actor, valid, await writeRows(tx, actor, valid));
        await tx
          .update(importBatches)
          .set({ status: 'imported', importedCount: valid.length, importedAt: new Date(), csv: null })
          .where(eq(importBatches.id, batch.id));
        return { ok: true, imported: valid.length, skipped: invalid.length };
      }),
    );
  } catch (error) {
    if (error instanceof RowRollback) return { ok: false, reason: 'invalid', rows: [error.row] };
    throw error;
  }
}
