import { describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { isCachedNow, warmDefaultDashboardsNow } from './cache';
import { parseDashboardParams } from './params';

useTestDatabase();

const researcher = { id: 0, role: 'researcher' as const };
const monitorView = { id: 0, role: 'monitor' as const };

describe('warming the default dashboards after a save', () => {
  it('runs one warm-up at a time: calls while one runs join it', async () => {
    const first = warmDefaultDashboardsNow();
    const second = warmDefaultDashboardsNow();
    expect(second).toBe(first);
    await first;
    const params = parseDashboardParams({});
    expect(await isCachedNow(researcher, params)).toBe(true);
    expect(await isCachedNow(monitorView, params)).toBe(true);
  });

  it('ends with the views computed for the data after the last change it was asked for', async () => {
    const monitor = await createActor('monitor');
    const params = parseDashboardParams({});
    const running = warmDefaultDashboardsNow();
    // A save lands while (or after) that warm-up computes, and asks for its own.
    const saved = await createCase(monitor, await validCase({ personName: unique('Warmup Person') }));
    expect(saved.ok).toBe(true);
    const after = warmDefaultDashboardsNow();
    await Promise.all([running, after]);
    expect(await isCachedNow(researcher, params)).toBe(true);
    expect(await isCachedNow(monitorView, params)).toBe(true);
  });
});
