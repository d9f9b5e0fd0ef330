import 'server-only';
import { createHash } from 'node:crypto';
import { after } from 'next/server';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import { latestToday } from '@/lib/dates/partial-date';
import { parseDashboardParams, type DashboardParams } from './params';
import { createCoalescer } from './coalesce';
import { getDashboardData, type DashboardData } from './queries';

/**
 * Dashboard results, remembered per view until the data changes. The data's generation is read
 * from the database on every request (the newest revision and reported count: every change writes
 * one), so a cached view is never stale, on any number of app instances; each instance keeps its
 * own small cache. Keys include whether restricted records were counted, so a researcher is never
 * served numbers computed for a monitor, and today's date, on which the custody panel depends.
 */
const MAX_ENTRIES = 200;
const cache = new Map<string, { generation: string; data: DashboardData }>();
/**
 * Under a stream of saves every request found the data changed and computed the view itself: 20
 * researchers reloading meant 20 computations at once, which took the CPU the saves needed.
 */
const computeShared = createCoalescer<DashboardData>();

export async function dataGeneration(): Promise<string> {
  const [row] = rowsOf<{ g: string }>(
    // The newest revision id alone could miss a slower transaction that took a smaller id and
    // commits later; counting the recent ids catches it.
    await db.execute(sql`WITH top AS (SELECT coalesce(max(id), 0) AS id FROM revisions)
      SELECT top.id || ':' || (SELECT count(*) FROM revisions r WHERE r.id > top.id - 10000) || ':' ||
        coalesce((SELECT extract(epoch FROM max(updated_at)) FROM reported_counts), 0) AS g
      FROM top`),
  );
  return String(row.g);
}

function viewKey(actor: Actor, params: DashboardParams): string {
  const view = { restricted: seesRestricted(actor), today: latestToday(), ...params };
  return createHash('sha256').update(JSON.stringify(view, Object.keys(view).sort())).digest('hex');
}

export async function getDashboard(actor: Actor, params: DashboardParams): Promise<DashboardData> {
  const key = viewKey(actor, params);
  const generation = await dataGeneration();
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    // Map order doubles as recency order for the eviction below.
    cache.delete(key);
    cache.set(key, hit);
    return hit.data;
  }
  // Readers of the same view share one computation (lib/dashboard/coalesce.ts), started after they asked.
  return computeShared(key, async () => {
    // Read before counting: a change committed meanwhile leaves this entry one generation behind.
    const computedAt = await dataGeneration();
    const data = await getDashboardData(actor, params);
    cache.set(key, { generation: computedAt, data });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    return data;
  });
}

/** Whether this instance holds the view computed for the data as it is now (no recount needed). */
export async function isCachedNow(actor: Actor, params: DashboardParams): Promise<boolean> {
  const hit = cache.get(viewKey(actor, params));
  return hit !== undefined && hit.generation === (await dataGeneration());
}

/**
 * Rounds of a warm-up start at least this far apart. Under a stream of saves (50 monitors each
 * saving once a minute: one every 1.2 s) the warm-up used to start again as soon as it ended, so
 * the instance computed the two default views without pause, on the cores the saves needed; a
 * reader who arrives in between still gets the view computed for the data as it is (getDashboard).
 */
export const WARM_GAP_MS = 5_000;

/**
 * A warm-up: `round` run once at a time, again after a change that arrived while it ran (or
 * waited), each round starting at least `gapMs` after the previous one started. Calls while one
 * runs or waits only ask for that next round, so many saves cost at most one round per gap; the
 * last round always starts after the last change it was asked for.
 */
export function createWarmer(round: () => Promise<void>, gapMs: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  let changed = false;
  return () => {
    if (running) {
      changed = true;
      return running;
    }
    running = (async () => {
      do {
        changed = false;
        const started = Date.now();
        try {
          await round();
        } catch {
          // Only a head start: the next reader computes it anyway.
        }
        const wait = started + gapMs - Date.now();
        if (changed && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      } while (changed);
    })().finally(() => {
      running = null;
    });
    return running;
  };
}

/** One round: the default dashboard for researchers and for monitors, for the data as it is now. */
export async function warmDefaultRound() {
  const params = parseDashboardParams({});
  await getDashboard({ id: 0, role: 'researcher' }, params);
  await getDashboard({ id: 0, role: 'monitor' }, params);
}

/** Recomputes the default dashboards on this instance; see createWarmer. */
export const warmDefaultDashboardsNow = createWarmer(warmDefaultRound, WARM_GAP_MS);

/**
 * After a change, once the response has gone out: the view most readers open is then ready
 * before anyone asks for it.
 */
export function warmDefaultDashboards() {
  after(() => warmDefaultDashboardsNow());
}
