import 'server-only';
/**
 * `npm run check-links` (and the admin panel): is each source's live page still there, and does
 * it still say what it said when first captured? Fetches the live URL through the capture
 * fetcher (same address policy, limits and user agent), and records a link_checks row: gone
 * (HTTP 4xx/5xx, no answer, refused by the address policy) and changed (the readable text's SHA-256
 * differs from the first ok capture's text file). Nothing is stored but the hashes and outcome: a
 * new capture is what keeps the page itself.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, isNull, notExists, sql } from 'drizzle-orm';
import { db } from '@/db';
import { captureFiles, linkChecks, sourceCaptures, sources } from '@/db/schema';

type Outcome = (typeof linkChecks.$inferInsert)['outcome'];

/** What the link check needs of a fetch (a subset of lib/evidence/fetcher.ts FetchResult). */
export type LivePage = {
  outcome: Outcome;
  detail: string | null;
  finalUrl: string | null;
  status: number | null;
  contentType: string | null;
  body: Buffer | null;
};

export type LinkCheckDeps = {
  /** The safe fetcher: lib/evidence/fetcher.ts `safeFetch`. */
  fetchPage: (url: string) => Promise<LivePage>;
  /** The readable text of a body, exactly as a capture stores it (lib/evidence/capture.ts `readableOf(…)?.text`). */
  readText: (body: Buffer, contentType: string | null, url: string) => string | null;
};

export type LinkCheckFilter = {
  sourceId?: number;
  /** Only sources not checked in the last N hours. */
  staleHours?: number;
  /** At most this many sources per run. */
  limit?: number;
};

export type LinkCheckResult = {
  sourceId: number;
  url: string;
  outcome: Outcome;
  httpStatus: number | null;
  gone: boolean;
  changed: boolean;
  detail: string | null;
};

/** Outcomes that mean the page is no longer there for a reader (a timeout counts: it did not answer). */
const GONE: ReadonlySet<Outcome> = new Set<Outcome>(['http_error', 'network_error', 'blocked', 'timeout']);

const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Until the capture branch lands, the safe fetcher is not in this tree; the lead wires it here:
 *   { fetchPage: (url) => safeFetch(url), readText: (body, type, url) => readableOf(body, type, url)?.text ?? null }
 * A plain fetch would bypass the address policy (loopback, private, metadata), so there is no
 * fallback: checkLinks refuses to run rather than mark every source gone.
 */
export const defaultLinkCheckDeps: LinkCheckDeps | null = null;

/** What the first ok capture of a source holds to compare against: its text file's hash, else its body's. */
async function baselineOf(sourceId: number): Promise<{ textSha256: string | null; primarySha256: string | null } | null> {
  const [first] = await db
    .select({ id: sourceCaptures.id, primarySha256: sourceCaptures.primarySha256 })
    .from(sourceCaptures)
    .where(and(eq(sourceCaptures.sourceId, sourceId), eq(sourceCaptures.outcome, 'ok')))
    .orderBy(asc(sourceCaptures.capturedAt), asc(sourceCaptures.id))
    .limit(1);
  if (!first) return null;
  const [text] = await db
    .select({ sha256: captureFiles.sha256 })
    .from(captureFiles)
    .where(and(eq(captureFiles.captureId, first.id), eq(captureFiles.role, 'text')));
  return { textSha256: text?.sha256 ?? null, primarySha256: first.primarySha256 };
}

async function checkOne(source: { id: number; url: string }, deps: LinkCheckDeps): Promise<LinkCheckResult> {
  let page: LivePage;
  try {
    page = await deps.fetchPage(source.url);
  } catch {
    page = { outcome: 'network_error', detail: 'the page could not be fetched', finalUrl: null, status: null, contentType: null, body: null };
  }
  const gone = GONE.has(page.outcome) || (page.status !== null && page.status >= 400);
  const text = !gone && page.body ? deps.readText(page.body, page.contentType, page.finalUrl ?? source.url) : null;
  const textSha256 = text === null ? null : sha256Hex(Buffer.from(text, 'utf8'));
  let changed = false;
  let detail = page.detail;
  if (!gone && page.body) {
    const baseline = await baselineOf(source.id);
    if (!baseline) detail = 'no earlier capture to compare with';
    else if (baseline.textSha256 && textSha256) changed = textSha256 !== baseline.textSha256;
    else if (baseline.primarySha256) changed = sha256Hex(page.body) !== baseline.primarySha256;
  }
  const row = {
    sourceId: source.id,
    outcome: page.outcome,
    httpStatus: page.status,
    finalUrl: page.finalUrl,
    textSha256,
    gone,
    changed,
    detail,
  };
  await db.insert(linkChecks).values(row);
  return { sourceId: source.id, url: source.url, outcome: row.outcome, httpStatus: row.httpStatus, gone, changed, detail };
}

/**
 * Checks each live source (or one, or those not checked for `staleHours`) one after another, so a
 * run never hammers a site, and writes a link_checks row per source. Returns what it found.
 */
export async function checkLinks(
  filter: LinkCheckFilter = {},
  deps: LinkCheckDeps | null = defaultLinkCheckDeps,
): Promise<LinkCheckResult[]> {
  if (!deps) throw new Error('check-links needs the safe fetcher (lib/evidence/fetcher.ts); wire it in lib/evidence/link-check.ts');
  const conditions = [isNull(sources.deletedAt)];
  if (filter.sourceId !== undefined) conditions.push(eq(sources.id, filter.sourceId));
  if (filter.staleHours !== undefined) {
    const since = new Date(Date.now() - filter.staleHours * 3_600_000);
    conditions.push(
      notExists(
        db
          .select({ one: sql`1` })
          .from(linkChecks)
          .where(and(eq(linkChecks.sourceId, sources.id), gt(linkChecks.checkedAt, since))),
      ),
    );
  }
  const query = db.select({ id: sources.id, url: sources.url }).from(sources).where(and(...conditions)).orderBy(asc(sources.id));
  const due = filter.limit ? await query.limit(filter.limit) : await query;
  const results: LinkCheckResult[] = [];
  for (const source of due) results.push(await checkOne(source, deps));
  return results;
}
