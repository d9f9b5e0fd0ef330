import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { insertPerson } from '@/lib/people/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor } from '@/lib/test/factories';
import { decidePair, mergePeople, withdrawDecision } from './decisions';
import { likelyDuplicatesOf, reviewCandidates } from './review';

useTestDatabase();

let monitor: Actor;
beforeAll(async () => {
  monitor = await createActor('monitor');
});

async function person(displayName: string, variants: string[] = []) {
  return db.transaction((tx) => insertPerson(tx, monitor, { displayName, role: 'activist', affiliation: null, notes: null, variants }));
}

/** Whether the review page (all of it) proposes the pair. */
async function proposed(a: number, b: number) {
  const { pairs } = await reviewCandidates(1, 100_000);
  return pairs.some((p) => (p.first.id === a && p.second.id === b) || (p.first.id === b && p.second.id === a));
}

describe('review candidates', () => {
  it('proposes people whose names match across scripts and spellings, not different people', async () => {
    const a = await person('Zhandos Kuanyshbekuly');
    const b = await person('Жандос Куанышбеков', ['Zhandos Kuanyshbekov']);
    const other = await person('Zhandos Abilkairov');
    expect(await proposed(a, b)).toBe(true);
    expect(await proposed(a, other)).toBe(false);
    const [first] = await likelyDuplicatesOf(a);
    expect(first).toMatchObject({ first: { id: a }, second: { id: b, names: ['Жандос Куанышбеков', 'Zhandos Kuanyshbekov'] } });
    expect(first.score).toBeGreaterThanOrEqual(0.8);
    expect((await likelyDuplicatesOf(b)).map((p) => p.second.id)).toContain(a);
  });

  it('stops proposing a pair decided "different" (until the decision is withdrawn)', async () => {
    const a = await person('Meruyert Syzdykova');
    const b = await person('Меруерт Сыздыкова');
    expect(await proposed(a, b)).toBe(true);
    const decided = await decidePair(monitor, { personId: b, otherPersonId: a, verdict: 'different', context: 'review', reason: null });
    expect(decided.ok).toBe(true);
    expect(await proposed(a, b)).toBe(false);
    expect(await likelyDuplicatesOf(a)).toEqual([]);
    await withdrawDecision(monitor, (decided as { decisionId: number }).decisionId);
    expect(await proposed(a, b)).toBe(true);
  });

  it('leaves merged people out, and brings them back when the merge is undone', async () => {
    const a = await person('Askhat Zheksenbayev');
    const b = await person('Асхат Жексенбаев');
    const c = await person('Askhat Zheksenbaev');
    const merged = await mergePeople(monitor, { survivorId: a, mergedId: b, reason: null, context: 'review' });
    expect(merged.ok).toBe(true);
    expect(await proposed(a, b)).toBe(false);
    expect(await proposed(b, c)).toBe(false);
    expect(await proposed(a, c)).toBe(true);
    await withdrawDecision(monitor, (merged as { decisionId: number }).decisionId);
    expect(await proposed(b, c)).toBe(true);
  });

  it('pages through the pairs, best first', async () => {
    const all = await reviewCandidates(1, 100_000);
    const scores = all.pairs.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const second = await reviewCandidates(2, 1);
    expect(second.page).toBe(2);
    expect(second.pairs).toEqual([all.pairs[1]]);
    expect((await reviewCandidates(10_000, 1)).page).toBe(second.pages);
  });
});
