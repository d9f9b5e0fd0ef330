import { describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { createWarmer, isCachedNow, warmDefaultDashboardsNow, warmDefaultRound } from './cache';
import { parseDashboardParams } from './params';

useTestDatabase();

const researcher = { id: 0, role: 'researcher' as const };
const monitorView = { id: 0, role: 'monitor' as const };

describe('warming the default dashboards after a save', () => {
  it('computes both default views', async () => {
    await warmDefaultDashboardsNow();
    const params = parseDashboardParams({});
    expect(await isCachedNow(researcher, params)).toBe(true);
    expect(await isCachedNow(monitorView, params)).toBe(true);
  });

  it('ends with the views computed for the data after the last change it was asked for', async () => {
    const monitor = await createActor('monitor');
    const params = parseDashboardParams({});
    // The app's round, with a short gap between rounds (the app waits WARM_GAP_MS).
    const warm = createWarmer(warmDefaultRound, 20);
    const running = warm();
    // A save lands while (or after) that warm-up computes, and asks for its own.
    const saved = await createCase(monitor, await validCase({ personName: unique('Warmup Person') }));
    expect(saved.ok).toBe(true);
    const after = warm();
    await Promise.all([running, after]);
    expect(await isCachedNow(researcher, params)).toBe(true);
    expect(await isCachedNow(monitorView, params)).toBe(true);
  });
});


describe('the warm-up under a stream of changes', () => {
  it('starts its rounds at least the gap apart, and once more after the last change', async () => {
    const starts: number[] = [];
    let release = () => {};
    const warm = createWarmer(async () => {
      starts.push(Date.now());
      await new Promise<void>((resolve) => (release = resolve));
    }, 300);
    const first = warm();
    // Ten changes while the first round runs: one more round, not ten.
    for (let i = 0; i < 10; i++) expect(warm()).toBe(first);
    await new Promise((r) => setTimeout(r, 50));
    release();
    await new Promise((r) => setTimeout(r, 100));
    // The first round ended after 50 ms; the next waits for the gap.
    expect(starts).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(starts).toHaveLength(2);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(295);
    release();
    await first;
    expect(starts).toHaveLength(2);
    // Quiet since: the next change is warmed at once.
    const later = warm();
    await new Promise((r) => setTimeout(r, 20));
    expect(starts).toHaveLength(3);
    release();
    await later;
  });

  it('keeps going after a round fails', async () => {
    let rounds = 0;
    const warm = createWarmer(async () => {
      rounds++;
      if (rounds === 1) throw new Error('database away');
    }, 0);
    const first = warm();
    warm();
    await first;
    expect(rounds).toBe(2);
  });
});
