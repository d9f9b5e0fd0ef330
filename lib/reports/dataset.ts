/**
 * A report's (or an export's) dataset version: a SHA-256 of the records it holds and their revision
 * numbers (each detention's, its person's and its sources'), so two readers can tell whether they
 * hold the same data. Order-free (sorted by id) and independent of the time and language of the
 * file: same filters and same data give the same version; any edit of a record in it gives another.
 * Pure: the query that reads the entries is lib/reports/queries.ts datasetEntries.
 */
import { createHash } from 'node:crypto';
import { APP_VERSION } from '@/lib/app-version';

export type DatasetEntry = { id: number; version: number; personId: number; personVersion: number; sources: { id: number; version: number }[] };
export type DatasetVersion = { sha256: string; short: string; rows: number };

/** The characters shown on a cover or a file name; the full hash goes in the metadata. */
export const SHORT_VERSION_LENGTH = 12;

export function hashDataset(entries: DatasetEntry[]): DatasetVersion {
  const hash = createHash('sha256');
  hash.update('case-tracker dataset v1\n');
  for (const e of [...entries].sort((a, b) => a.id - b.id)) {
    const sources = [...e.sources].sort((a, b) => a.id - b.id).map((s) => `${s.id}@${s.version}`).join(',');
    hash.update(`d${e.id}@${e.version} p${e.personId}@${e.personVersion} s${sources}\n`);
  }
  const sha256 = hash.digest('hex');
  return { sha256, short: sha256.slice(0, SHORT_VERSION_LENGTH), rows: entries.length };
}

/** The metadata every file of a report carries (PDF info and cover, exports' meta): one place, one meaning. */
export function fileMetadata(version: DatasetVersion, { filters, now, scope }: { filters: [string, string][]; now: Date; scope?: string }) {
  return {
    datasetVersion: version.short,
    datasetSha256: version.sha256,
    rows: version.rows,
    filters: filters.map(([label, value]) => `${label}: ${value}`).join('; '),
    generatedUtc: now.toISOString().slice(0, 19) + 'Z',
    appVersion: APP_VERSION,
    ...(scope ? { recordsIncluded: scope } : {}),
  };
}

