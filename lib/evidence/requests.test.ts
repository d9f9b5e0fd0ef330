import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents, captureRequests, sourceCaptures, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase } from '@/lib/cases/queries';
import { env } from '@/lib/env';
import { commitImport, previewImport } from '@/lib/imports/queries';
import { updateSource } from '@/lib/sources/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { ARTICLE_SENTENCES, startFixtureSite, type FixtureSite } from '@/lib/test/fixture-site';
import { enqueueCapture, kickPendingCaptures, runPendingCaptures } from './requests';

useTestDatabase();

let site: FixtureSite;
let monitor: Actor;

beforeAll(async () => {
  site = await startFixtureSite();
  monitor = await createActor('monitor');
  env.CAPTURE_ALLOW_HOSTS = ['127.0.0.1'];
  env.CAPTURE_RENDER = 'off';
});
afterAll(async () => {
  await site.close();
});

const articleUrl = () => `${site.origin}/article?t=${unique('q').replace(/\s+/g, '-')}`;

async function sourceIdOf(url: string): Promise<number> {
  const [row] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, url));
  return row.id;
}

async function requestsOf(sourceId: number) {
  return db.select().from(captureRequests).where(eq(captureRequests.sourceId, sourceId));
}

describe('capture requests', () => {
  it('are written with the source in the case save, then worked off', async () => {
    const url = articleUrl();
    const saved = await createCase(monitor, await validCase({ sources: [{ url, title: 'Fixture article' }] }));
    expect(saved.ok).toBe(true);
    const sourceId = await sourceIdOf(url);
    const [pending] = await requestsOf(sourceId);
    expect(pending).toMatchObject({ status: 'pending', requestedById: monitor.id, attempts: 0, captureId: null });

    expect(await runPendingCaptures(10, { onlySources: [sourceId] })).toBe(1);
    const [done] = await requestsOf(sourceId);
    expect(done.status).toBe('done');
    expect(done.attempts).toBe(1);
    const [capture] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.id, done.captureId!));
    expect(capture).toMatchObject({ sourceId, outcome: 'ok', requestedById: monitor.id });
    expect(capture.requestedAt.getTime()).toBe(pending.requestedAt.getTime());
    expect(capture.readableText).toContain(ARTICLE_SENTENCES[0]);
    // Nothing left: a second run finds no work.
    expect(await runPendingCaptures(10, { onlySources: [sourceId] })).toBe(0);
  });

  it('are left to a capture worker when the app does not capture (CAPTURE_IN_APP=off)', async () => {
    const url = articleUrl();
    expect((await createCase(monitor, await validCase({ sources: [{ url, title: 'Fixture article' }] }))).ok).toBe(true);
    const sourceId = await sourceIdOf(url);
    env.CAPTURE_IN_APP = 'off';
    try {
      await kickPendingCaptures(); // what every save's action and the server's start call
    } finally {
      env.CAPTURE_IN_APP = 'on';
    }
    expect((await requestsOf(sourceId))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    // The worker's loop (scripts/capture-pending.ts) works it off.
    expect(await runPendingCaptures(10, { onlySources: [sourceId] })).toBe(1);
    expect((await requestsOf(sourceId))[0].status).toBe('done');
  });

  it('are not written when the save is refused', async () => {
    const url = articleUrl();
    // A second row naming a new source without a title makes the whole save fail.
    const input = await validCase({ sources: [{ url, title: 'Fixture article' }] });
    input.sources.push({ ...input.sources[0], url: articleUrl(), title: null });
    const saved = await createCase(monitor, input);
    expect(saved.ok).toBe(false);
    const [source] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, url));
    expect(source).toBeUndefined();
  });

  it('are not written for a source already on record, and are written again when its address changes', async () => {
    const url = articleUrl();
    await createCase(monitor, await validCase({ sources: [{ url, title: 'Fixture article' }] }));
    await createCase(monitor, await validCase({ sources: [{ url, title: 'Fixture article' }] }));
    const sourceId = await sourceIdOf(url);
    expect(await requestsOf(sourceId)).toHaveLength(1);
    await runPendingCaptures(10, { onlySources: [sourceId] });
    const [row] = await db.select({ version: sources.version }).from(sources).where(eq(sources.id, sourceId));
    const changed = await updateSource(monitor, sourceId, row.version, {
      url: articleUrl(),
      title: 'Fixture article',
      publisher: null,
      publishedOn: { date: null, precision: 'unknown' },
      language: null,
      accessedOn: { date: null, precision: 'unknown' },
      reason: null,
    } as never);
    expect(changed.ok).toBe(true);
    expect((await requestsOf(sourceId)).map((r) => r.status).sort()).toEqual(['done', 'pending']);
  });

  it('are written for the new sources of a CSV import', async () => {
    const url = articleUrl();
    const name = unique('Imported Activist');
    const csv =
      'activist,city,detained_earliest,detained_latest,source_1_url,source_1_title\r\n' +
      `${name},Aktobe,2021-01-04,2021-01-04,${url},Fixture article\r\n`;
    const preview = await previewImport(monitor, 'cases.csv', csv);
    if (!preview.ok) throw new Error(preview.error);
    const committed = await commitImport(monitor, preview.preview.batchId, { skipInvalid: false, personChoices: new Map() });
    expect(committed).toMatchObject({ ok: true, imported: 1 });
    const sourceId = await sourceIdOf(url);
    expect(await requestsOf(sourceId)).toMatchObject([{ status: 'pending', requestedById: monitor.id }]);
  });

  it('are captured once each when several workers run at the same time (SKIP LOCKED)', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [row] = await db.insert(sources).values({ url: articleUrl(), title: 'Fixture', createdById: monitor.id }).returning({ id: sources.id });
      ids.push(row.id);
    }
    await db.transaction(async (tx) => {
      for (const id of ids) await enqueueCapture(tx, id, monitor.id);
    });
    const counts = await Promise.all([1, 2, 3].map(() => runPendingCaptures(10, { onlySources: ids })));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
    const captures = await db
      .select({ sourceId: sourceCaptures.sourceId, n: sql<number>`count(*)::int` })
      .from(sourceCaptures)
      .where(inArray(sourceCaptures.sourceId, ids))
      .groupBy(sourceCaptures.sourceId);
    expect(captures).toHaveLength(6);
    expect(captures.every((c) => c.n === 1)).toBe(true);
    const requests = await db.select().from(captureRequests).where(inArray(captureRequests.sourceId, ids));
    expect(requests.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    const audited = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'source_captured'), inArray(auditEvents.targetId, ids.map(String))));
    expect(audited).toHaveLength(6);
  });

  it('picks up a request whose worker died mid-capture, and gives up after its tries', async () => {
    const [source] = await db.insert(sources).values({ url: articleUrl(), title: 'Fixture', createdById: monitor.id }).returning({ id: sources.id });
    await db.insert(captureRequests).values({ sourceId: source.id, requestedById: monitor.id, status: 'running', attempts: 1, claimedAt: new Date(Date.now() - 60 * 60 * 1000) });
    expect(await runPendingCaptures(10, { onlySources: [source.id] })).toBe(1);
    expect((await requestsOf(source.id))[0]).toMatchObject({ status: 'done', attempts: 2 });

    await db.insert(captureRequests).values({ sourceId: source.id, requestedById: monitor.id, status: 'pending', attempts: 3 });
    expect(await runPendingCaptures(10, { onlySources: [source.id] })).toBe(0);
  });
});
