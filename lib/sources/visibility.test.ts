import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { citations, elections, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase, deleteCase, updateCase } from '@/lib/cases/queries';
import { parseDashboardParams } from '@/lib/dashboard/params';
import { getDashboardData } from '@/lib/dashboard/queries';
import { createReportedCount, reportedCountInput } from '@/lib/dashboard/reported';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { getSourceById, isSourceVisible, searchSources } from './queries';

useTestDatabase();

let monitor: Actor;
let researcher: Actor;
let admin: Actor;

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  admin = await createActor('admin');
});

const slug = () => unique('src').replace(/\s+/g, '-');

/** A detention citing one new source; returns both ids and the source's URL and title. */
async function caseCiting(overrides: Record<string, unknown> = {}) {
  const url = `https://news.example.org/${slug()}`;
  const title = `Visibility probe ${slug()}`;
  const result = await createCase(monitor, await validCase({ sources: [{ url, title }], ...overrides }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  const [source] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, url));
  return { caseId: result.id, sourceId: source.id, url, title };
}

/** What each role gets from the source page, the edit check and the picker. */
async function seenBy(actor: Actor, s: { sourceId: number; title: string }) {
  return {
    page: (await getSourceById(actor, s.sourceId)) !== null,
    edit: await isSourceVisible(actor, s.sourceId),
    picker: (await searchSources(actor, s.title)).some((r) => r.id === s.sourceId),
  };
}
const everywhere = { page: true, edit: true, picker: true };
const nowhere = { page: false, edit: false, picker: false };

describe('which sources a reader may see', () => {
  it('a source cited only by a restricted detention is hidden from researchers, shown to monitors', async () => {
    const s = await caseCiting({ confidentiality: 'restricted' });
    expect(await seenBy(researcher, s)).toEqual(nowhere);
    expect(await seenBy(monitor, s)).toEqual(everywhere);
  });

  it('a source cited only by a deleted detention is hidden from researchers; monitors see it, to delete it', async () => {
    const s = await caseCiting();
    expect(await deleteCase(monitor, s.caseId, 1, null)).toMatchObject({ ok: true });
    expect(await seenBy(researcher, s)).toEqual(nowhere);
    expect(await seenBy(monitor, s)).toEqual(everywhere);
    expect((await getSourceById(monitor, s.sourceId))!.cases).toEqual([]);
  });

  it('a deleted source is shown only to admins, who may restore it', async () => {
    const s = await caseCiting();
    await db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, s.sourceId));
    expect(await seenBy(researcher, s)).toEqual(nowhere);
    expect(await seenBy(monitor, s)).toEqual(nowhere);
    expect((await getSourceById(admin, s.sourceId))!.deletedAt).not.toBeNull();
    expect(await searchSources(admin, s.title)).toEqual([]);
  });

  it('a source also cited by a shareable detention is shown, listing only the detentions the reader may see', async () => {
    const s = await caseCiting({ confidentiality: 'restricted' });
    const shareable = await createCase(monitor, await validCase({ sources: [{ url: s.url, title: s.title }] }));
    if (!shareable.ok) throw new Error('not created');
    expect(await seenBy(researcher, s)).toEqual(everywhere);
    expect((await getSourceById(researcher, s.sourceId))!.cases.map((c) => c.id)).toEqual([shareable.id]);
  });

  it('a source no detention cites any more is shown to monitors only', async () => {
    const s = await caseCiting();
    const replaced = await updateCase(monitor, s.caseId, 1, await validCase({ sources: [{ url: `https://news.example.org/${slug()}`, title: 'Other' }] }));
    expect(replaced).toMatchObject({ ok: true });
    expect(await db.select().from(citations).where(eq(citations.sourceId, s.sourceId))).toEqual([]);
    expect(await seenBy(researcher, s)).toEqual(nowhere);
    expect(await seenBy(monitor, s)).toEqual(everywhere);
  });

  it('a source of a reported count is shown on the dashboard and its page, unless deleted', async () => {
    const [election] = await db.select({ id: elections.id }).from(elections).where(eq(elections.name, 'Presidential election 2019'));
    const place = await placeId('Ekibastuz');
    const url = `https://news.example.org/${slug()}`;
    const input = reportedCountInput.parse({
      electionId: String(election.id),
      placeId: String(place),
      description: 'detained on election day',
      detainedCount: '40',
      sourceUrl: url,
      sourceTitle: `Reported ${slug()}`,
    });
    expect(await createReportedCount(monitor, input)).toEqual({ ok: true });
    const [source] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, url));
    const dashboardUrls = async () =>
      (await getDashboardData(researcher, parseDashboardParams({ lens: String(election.id), city: String(place) }))).reported.items.map((i) => i.url);
    expect(await getSourceById(researcher, source.id)).not.toBeNull();
    expect(await dashboardUrls()).toContain(url);
    await db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, source.id));
    expect(await getSourceById(researcher, source.id)).toBeNull();
    expect(await dashboardUrls()).not.toContain(url);
  });
});
