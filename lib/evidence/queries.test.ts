import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { captureFiles, captureTimestamps, evidenceBlobs, linkChecks, sourceCaptures, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { firstCapturesOf, getCaptureFile, listLinkProblems, listSourceCaptures } from './queries';

useTestDatabase();

let monitor: Actor;
let researcher: Actor;

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A detention citing a new source; returns the source's id. */
async function sourceOfCase(overrides: Record<string, unknown> = {}) {
  const url = `https://news.example.org/${unique('ev').replace(/\s+/g, '-')}`;
  const result = await createCase(monitor, await validCase({ sources: [{ url, title: 'Evidence probe' }], ...overrides }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  const [source] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, url));
  return source.id;
}

/** Stores a capture the way lib/evidence/capture.ts does: blobs, the capture row, its files. */
async function storeCapture(sourceId: number, at: string, body: string | null, outcome: 'ok' | 'http_error' = 'ok') {
  const bytes = body === null ? null : Buffer.from(body);
  const hash = bytes ? sha(body!) : null;
  if (bytes) await db.insert(evidenceBlobs).values({ sha256: hash!, size: bytes.length, bytes }).onConflictDoNothing();
  const manifest = JSON.stringify({ files: hash ? [{ role: 'response', sha256: hash }] : [] });
  const [row] = await db
    .insert(sourceCaptures)
    .values({
      sourceId,
      method: 'fetch',
      requestedById: monitor.id,
      requestedAt: new Date(at),
      capturedAt: new Date(at),
      requestedUrl: 'https://news.example.org/a',
      finalUrl: 'https://news.example.org/a',
      httpStatus: outcome === 'ok' ? 200 : 404,
      outcome,
      contentType: 'text/html',
      primarySha256: hash,
      readableText: body,
      manifest,
      manifestSha256: sha(manifest),
    })
    .returning({ id: sourceCaptures.id });
  if (bytes) await db.insert(captureFiles).values({ captureId: row.id, role: 'response', sha256: hash!, size: bytes.length, contentType: 'text/html' });
  return { id: row.id, sha256: hash };
}

describe('the captures of a source', () => {
  it('lists every capture newest first, with files, timestamps and who asked', async () => {
    const sourceId = await sourceOfCase();
    const first = await storeCapture(sourceId, '2026-01-01T10:00:00Z', `first ${unique('body')}`);
    const second = await storeCapture(sourceId, '2026-01-02T10:00:00Z', null, 'http_error');
    await db.insert(captureTimestamps).values({ captureId: first.id, tsaUrl: 'http://tsa.example', status: 'ok', genTime: new Date('2026-01-01T10:00:01Z'), serialNumber: '42' });
    const captures = await listSourceCaptures(monitor, sourceId);
    expect(captures?.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(captures?.[1]).toMatchObject({
      requestedBy: 'Test monitor',
      outcome: 'ok',
      files: [{ role: 'response', sha256: first.sha256 }],
      timestamps: [{ status: 'ok', serialNumber: '42' }],
    });
    expect(captures?.[0]).toMatchObject({ outcome: 'http_error', files: [], timestamps: [] });
  });

  it('are hidden, with their files, from a reader who may not see the source', async () => {
    const sourceId = await sourceOfCase({ confidentiality: 'restricted' });
    const capture = await storeCapture(sourceId, '2026-02-01T10:00:00Z', `restricted ${unique('body')}`);
    expect(await listSourceCaptures(researcher, sourceId)).toBeNull();
    expect(await getCaptureFile(researcher, capture.id, 'response')).toBeNull();
    expect(await listSourceCaptures(monitor, sourceId)).toHaveLength(1);
    expect(await getCaptureFile(monitor, capture.id, 'response')).toMatchObject({ sourceId, sha256: capture.sha256, contentType: 'text/html' });
    expect(await getCaptureFile(monitor, capture.id, 'pdf')).toBeNull();
  });
});

describe('the first capture of each source', () => {
  it('is the earliest successful one; a source never captured has none', async () => {
    const captured = await sourceOfCase();
    const never = await sourceOfCase();
    await storeCapture(captured, '2026-03-01T09:00:00Z', null, 'http_error');
    const ok = await storeCapture(captured, '2026-03-02T09:00:00Z', `ok ${unique('body')}`);
    await storeCapture(captured, '2026-03-03T09:00:00Z', `later ${unique('body')}`);
    const first = await firstCapturesOf([captured, never]);
    expect(first.get(captured)).toEqual({ captureId: ok.id, capturedAt: new Date('2026-03-02T09:00:00Z'), sha256: ok.sha256 });
    expect(first.has(never)).toBe(false);
    expect((await firstCapturesOf([])).size).toBe(0);
  });
});

describe('link problems', () => {
  it('lists a source by its latest check only, when that check found it gone or changed', async () => {
    const gone = await sourceOfCase();
    const healed = await sourceOfCase();
    await db.insert(linkChecks).values([
      { sourceId: gone, checkedAt: new Date('2026-04-01T00:00:00Z'), outcome: 'ok', httpStatus: 200, gone: false, changed: false },
      { sourceId: gone, checkedAt: new Date('2026-04-02T00:00:00Z'), outcome: 'http_error', httpStatus: 404, gone: true, changed: false },
      { sourceId: healed, checkedAt: new Date('2026-04-01T00:00:00Z'), outcome: 'http_error', httpStatus: 500, gone: true, changed: false },
      { sourceId: healed, checkedAt: new Date('2026-04-02T00:00:00Z'), outcome: 'ok', httpStatus: 200, gone: false, changed: false },
    ]);
    const problems = await listLinkProblems();
    expect(problems.filter((p) => p.sourceId === gone)).toEqual([expect.objectContaining({ httpStatus: 404, gone: true })]);
    expect(problems.some((p) => p.sourceId === healed)).toBe(false);
  });
});
