import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { createCase, deleteCase, getCaseForEdit, restoreCase, updateCase } from '@/lib/cases/queries';
import { getPersonById, updatePerson } from '@/lib/people/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, placeId, validCase } from '@/lib/test/factories';
import { rowsOf } from '@/db';
import { rebuildStats } from './stats';

useTestDatabase();

// This file's records are in towns no other test uses, so tests running beside it don't interfere.
const TOWNS = ['Zharkent', 'Talgar'];
// Concurrent edits and large sentences, each in towns of their own.
const SWAP_TOWNS = ['Taraz', 'Atyrau'];
const LONG_TOWN = 'Kostanay';

async function rollup(placeIds: number[]) {
  const result = await db.execute(sql`
    SELECT detained_on::text AS day, place_id, charge_id, sentence_kind::text AS kind, plea::text AS plea, election_id,
           person_role::text AS role, review_status::text AS review, confidentiality::text AS conf, arrest_days, delay_bucket,
           detentions AS n, arrest_days_total AS arrest_total, fines, fine_total
    FROM detention_stats WHERE detentions <> 0 AND place_id IN (${sql.join(placeIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`);
  return rowsOf<Record<string, unknown>>(result);
}

/** The same numbers counted straight from the records: the oracle the rollup must equal. */
async function recount(placeIds: number[]) {
  const result = await db.execute(sql`
    SELECT d.detained_on::text AS day, d.place_id, d.charge_id, d.sentence_kind::text AS kind, d.plea::text AS plea, d.election_id,
           p.role::text AS role, d.review_status::text AS review, d.confidentiality::text AS conf,
           CASE WHEN d.sentence_kind = 'administrative_arrest' THEN d.sentence_amount END AS arrest_days,
           CASE WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day'
                THEN (SELECT max(b) FROM unnest(ARRAY[0, 1, 2, 3, 8, 31]) b WHERE b <= d.sentenced_on - d.detained_on) END AS delay_bucket,
           count(*)::int AS n,
           coalesce(sum(d.sentence_amount) FILTER (WHERE d.sentence_kind = 'administrative_arrest'), 0)::bigint AS arrest_total,
           (count(*) FILTER (WHERE d.sentence_kind = 'fine'))::int AS fines,
           coalesce(sum(d.sentence_amount) FILTER (WHERE d.sentence_kind = 'fine'), 0)::bigint AS fine_total
    FROM detentions d JOIN people p ON p.id = d.person_id
    WHERE d.deleted_at IS NULL AND d.place_id IN (${sql.join(placeIds.map((id) => sql`${id}`), sql`, `)})
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`);
  return rowsOf<Record<string, unknown>>(result);
}

describe('the dashboard rollup', () => {
  it('stays equal to a full recount through creates, edits, deletes, restores and role changes', async () => {
    const monitor = await createActor('monitor');
    const admin = await createActor('admin');
    const [zharkent, talgar] = [String(await placeId(TOWNS[0])), String(await placeId(TOWNS[1]))];
    const ids: number[] = [];
    for (const overrides of [
      { placeId: zharkent },
      { placeId: zharkent, sentenceKind: 'fine', sentenceAmount: '50000', sentenceUnit: 'tenge' },
      { placeId: zharkent, detainedOn: '2021-01', sentencedOn: '' },
      { placeId: talgar, detainedOn: '2021-01-02', sentencedOn: '2021-01-20', sentenceAmount: '15' },
      { placeId: talgar, confidentiality: 'restricted' },
    ]) {
      const result = await createCase(monitor, await validCase(overrides));
      if (!result.ok) throw new Error(JSON.stringify(result));
      ids.push(result.id);
    }
    const first = (await getCaseForEdit(monitor, ids[0]))!;
    const edit = await validCase({ placeId: zharkent, personId: String(first.personId), personName: '', sentenceAmount: '10', plea: 'guilty', sources: [{ url: first.sources[0].url }] });
    expect((await updateCase(monitor, ids[0], first.version, edit)).ok).toBe(true);
    const second = (await getCaseForEdit(monitor, ids[1]))!;
    expect((await deleteCase(monitor, ids[1], second.version, null)).ok).toBe(true);
    const third = (await getCaseForEdit(monitor, ids[2]))!;
    expect((await deleteCase(monitor, ids[2], third.version, null)).ok).toBe(true);
    expect((await restoreCase(admin, ids[2])).ok).toBe(true);
    const person = (await getPersonById(monitor, first.personId))!;
    const role = { displayName: person.displayName, role: 'journalist' as const, affiliation: null, notes: null, variants: [], reason: null };
    expect(await updatePerson(monitor, person.id, person.version, role)).toEqual({ ok: true });

    const places = [Number(zharkent), Number(talgar)];
    const incremental = await rollup(places);
    expect(incremental.length).toBe(4);
    expect(incremental).toEqual(await recount(places));
  });

  it('rebuilds to the same numbers', async () => {
    const places = [await placeId(TOWNS[0]), await placeId(TOWNS[1])];
    const before = await rollup(places);
    await rebuildStats(db);
    expect(await rollup(places)).toEqual(before);
  });
});

describe('concurrent edits', () => {
  it('moving detentions between two cities in opposite directions all succeed, and the rollup equals a recount', async () => {
    const monitor = await createActor('monitor');
    const [x, y] = [String(await placeId(SWAP_TOWNS[0])), String(await placeId(SWAP_TOWNS[1]))];
    const PAIRS = 20;
    // Same day, charge and sentence: every record shares the same two rollup rows (one per city).
    const form = (placeId: string, personId = '', url = '') =>
      validCase({ placeId, ...(personId ? { personId, personName: '' } : {}), ...(url ? { sources: [{ url }] } : {}) });
    const create = async (place: string) => {
      const result = await createCase(monitor, await form(place));
      if (!result.ok) throw new Error(JSON.stringify(result));
      return (await getCaseForEdit(monitor, result.id))!;
    };
    const fromX = await Promise.all(Array.from({ length: PAIRS }, () => create(x)));
    const fromY = await Promise.all(Array.from({ length: PAIRS }, () => create(y)));
    const move = async (record: Awaited<ReturnType<typeof create>>, to: string) =>
      updateCase(monitor, record.id, record.version, await form(to, String(record.personId), record.sources[0].url));
    const edits = await Promise.all(fromX.flatMap((a, i) => [move(a, y), move(fromY[i], x)]));
    expect(edits.filter((r) => !r.ok)).toEqual([]);

    const places = [Number(x), Number(y)];
    expect(await rollup(places)).toEqual(await recount(places));
    expect((await rollup(places)).map((r) => Number(r.n))).toEqual([PAIRS, PAIRS]);
  });

  it('still refuses the second of two edits made over the same version', async () => {
    const monitor = await createActor('monitor');
    const created = await createCase(monitor, await validCase({ placeId: String(await placeId(SWAP_TOWNS[0])) }));
    if (!created.ok) throw new Error('setup');
    const record = (await getCaseForEdit(monitor, created.id))!;
    const edit = await validCase({ placeId: String(await placeId(SWAP_TOWNS[1])), personId: String(record.personId), personName: '', sources: [{ url: record.sources[0].url }] });
    const results = await Promise.all([1, 2].map(() => updateCase(monitor, record.id, record.version, edit)));
    expect(results.map((r) => (r.ok ? 'ok' : 'reason' in r ? r.reason : 'errors')).sort()).toEqual(['conflict', 'ok']);
    expect((await getCaseForEdit(monitor, record.id))!.version).toBe(record.version + 1);
  });
});

describe('long sentences', () => {
  it('saves administrative arrests beyond a smallint (40,000 days) and at the form\'s maximum, with the rollup consistent', async () => {
    const monitor = await createActor('monitor');
    const town = String(await placeId(LONG_TOWN));
    for (const amount of ['40000', '999999999']) {
      const result = await createCase(monitor, await validCase({ placeId: town, sentenceAmount: amount }));
      expect(result.ok).toBe(true);
      const record = (await getCaseForEdit(monitor, (result as { id: number }).id))!;
      expect(record.sentenceAmount).toBe(Number(amount));
    }
    const places = [Number(town)];
    const rows = await rollup(places);
    expect(rows.map((r) => Number(r.arrest_days)).sort((a, b) => a - b)).toEqual([40000, 999999999]);
    expect(rows).toEqual(await recount(places));
  });
});
