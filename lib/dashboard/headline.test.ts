import { describe, expect, it } from 'vitest';
import { computeHeadline, type HeadlineInput } from './headline';

const params = { before: 60, after: 30, axis: 'detained' as const };
const days = (counts: Record<number, number>) =>
  Array.from({ length: 91 }, (_, i) => ({ offset: i - 60, count: counts[i - 60] ?? 0 }));

function data(over: Partial<HeadlineInput> = {}): HeadlineInput {
  return {
    lens: { name: 'Mazhilis election 2021', heldOn: '2021-01-10' },
    scope: { from: '2020-11-11', to: '2021-02-09', undatedElectionId: 7 },
    totals: { detentions: 10, arrestDays: 45 },
    uncertain: { detained: 2, sentenced: 5, known: 1 },
    timeline: [{ days: days({ [-40]: 3, [-14]: 1, [-1]: 2, 0: 1, 5: 1 }) }],
    ...over,
  };
}

describe('computeHeadline', () => {
  it('splits the window at election day and counts the last two weeks before it', () => {
    const h = computeHeadline(data(), params, 0);
    expect(h).toMatchObject({ kind: 'window', election: 'Mazhilis election 2021', heldOn: '2021-01-10', before: 6, recent: 3, after: 2, showRecent: true });
    expect(h).toMatchObject({ uncertain: 2, total: 10, arrestDays: 45, filtered: 0, sparse: false });
  });

  it('says nothing of "the last two weeks" when the window before election day is no longer than that', () => {
    const h = computeHeadline(data({ timeline: [{ days: days({ [-3]: 4 }) }] }), { ...params, before: 14 }, 0);
    expect(h).toMatchObject({ kind: 'window', before: 4, recent: 4, showRecent: false });
  });

  it('counts uncertain days on the chosen axis', () => {
    expect(computeHeadline(data(), { ...params, axis: 'sentenced' }, 0)).toMatchObject({ uncertain: 5 });
  });

  it('is empty, and says whether filters made it so, when nothing is counted', () => {
    const none = data({ totals: { detentions: 0, arrestDays: 0 }, timeline: [{ days: days({}) }] });
    expect(computeHeadline(none, params, 2)).toEqual({ kind: 'empty', filtered: true });
    expect(computeHeadline(none, params, 0)).toEqual({ kind: 'empty', filtered: false });
  });

  it('marks a view of few detentions as sparse and keeps the number of filters', () => {
    expect(computeHeadline(data({ totals: { detentions: 4, arrestDays: 0 } }), params, 1)).toMatchObject({ sparse: true, filtered: 1 });
    expect(computeHeadline(data({ totals: { detentions: 5, arrestDays: 0 } }), params, 1)).toMatchObject({ sparse: false });
  });

  it('tells a date range or every date apart from an election window', () => {
    const range = computeHeadline(data({ scope: { from: '2021-01-01', to: null, undatedElectionId: null } }), params, 0);
    expect(range).toMatchObject({ kind: 'range', from: '2021-01-01', to: null, all: false, total: 10 });
    const all = computeHeadline(data({ scope: { from: null, to: null, undatedElectionId: null, all: true } }), params, 0);
    expect(all).toMatchObject({ kind: 'range', all: true });
    expect(computeHeadline(data({ lens: null, scope: { from: null, to: null, undatedElectionId: null } }), params, 0)).toMatchObject({ kind: 'range' });
  });
});
