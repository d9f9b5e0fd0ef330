/**
 * The capture queue. Saving a source writes a pending request in the same transaction (so a
 * source is never saved without its capture being asked for, and a rolled-back save asks for
 * nothing); the capture itself runs after the response has gone (`after()` in the server action),
 * and whatever is left pending (a crash, a restart) is picked up at boot. Requests are claimed
 * with FOR UPDATE SKIP LOCKED, so several app instances never capture the same request twice.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, rowsOf, type Tx } from '@/db';
import { captureRequests, sources } from '@/db/schema';
import { env } from '@/lib/env';
import { bulkInsert } from '@/lib/transactions/bulk-insert';
import { captureSource } from './capture';

/** A claim older than this is taken to belong to an instance that died mid-capture. */
const STALE_CLAIM_MINUTES = 10;
/** A request that failed (threw) this many times is given up on, so a poison request can't loop. */
export const MAX_ATTEMPTS = 3;

/** Asks for a capture of a source, inside the caller's transaction; one pending request per source is enough. */
export async function enqueueCapture(tx: Tx, sourceId: number, actorId: number | null): Promise<void> {
  // One statement (a save pays a round trip per statement).
  await tx.execute(sql`INSERT INTO ${captureRequests} (source_id, requested_by_id)
    SELECT ${sourceId}::int, ${actorId}::int
    WHERE NOT EXISTS (SELECT 1 FROM ${captureRequests} WHERE source_id = ${sourceId}::int AND status = 'pending')`);
}

type Claimed = { id: number; source_id: number; requested_by_id: number | null; requested_at: Date | string; attempts: number };

/** Takes the oldest request nobody else holds (pending, or claimed so long ago its instance is gone). */
async function claimNext(onlySources?: number[]): Promise<Claimed | null> {
  const scope = onlySources ? sql`AND r.source_id = ANY(${`{${onlySources.join(',')}}`}::int[])` : sql``;
  const result = await db.execute(sql`
    UPDATE ${captureRequests} SET status = 'running', claimed_at = now(), attempts = attempts + 1
    WHERE id = (
      SELECT r.id FROM ${captureRequests} r
      JOIN ${sources} s ON s.id = r.source_id AND s.deleted_at IS NULL
      WHERE r.attempts < ${MAX_ATTEMPTS}
        AND (r.status = 'pending' OR (r.status = 'running' AND r.claimed_at < now() - make_interval(mins => ${STALE_CLAIM_MINUTES})))
        ${scope}
      ORDER BY r.requested_at, r.id
      LIMIT 1
      FOR UPDATE OF r SKIP LOCKED
    )
    RETURNING id, source_id, requested_by_id, requested_at, attempts`);
  return rowsOf<Claimed>(result)[0] ?? null;
}

/**
 * Works off up to `limit` pending requests, one at a time; returns how many it finished. Safe to
 * call from several places and instances at once. A capture whose fetch failed is still 'done'
 * (the failure is the capture's outcome); 'failed' means the capture could not be stored at all.
 * `onlySources` limits the run to some sources' requests (tests that share one database).
 */
export async function runPendingCaptures(limit = 20, options: { onlySources?: number[] } = {}): Promise<number> {
  let done = 0;
  while (done < limit) {
    const request = await claimNext(options.onlySources);
    if (!request) break;
    try {
      const { captureId } = await captureSource({
        sourceId: request.source_id,
        requestedBy: request.requested_by_id === null ? null : { id: request.requested_by_id },
        requestedAt: new Date(request.requested_at),
      });
      await db
        .update(captureRequests)
        .set({ status: 'done', finishedAt: new Date(), captureId })
        .where(eq(captureRequests.id, request.id));
    } catch (error) {
      // Back to pending for another try unless it has had its tries; never a message with a URL in the log.
      const status = request.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
      await db
        .update(captureRequests)
        .set({ status, finishedAt: status === 'failed' ? new Date() : null })
        .where(eq(captureRequests.id, request.id));
      console.error(`Capture request ${request.id} failed (attempt ${request.attempts}):`, error instanceof Error ? error.name : 'unknown error');
    }
    done++;
  }
  return done;
}

/** Requests per run before looking again (keeps one run's memory and hold on the queue small). */
const BATCH = 20;

const state = globalThis as unknown as { captureRun?: Promise<void>; captureAgain?: boolean };

/**
 * Runs the queue in the background of this process, never twice at once: a kick while a run is
 * going makes that run look again when it ends. Never throws (the caller has already answered).
 * With CAPTURE_IN_APP=off it does nothing: a capture worker (`npm run capture-worker`, on another
 * machine) works the queue off, and this instance's CPU is left to the people using it.
 */
export function kickPendingCaptures(): Promise<void> {
  if (env.CAPTURE_IN_APP === 'off') return Promise.resolve();
  if (state.captureRun) {
    state.captureAgain = true;
    return state.captureRun;
  }
  state.captureRun = (async () => {
    try {
      let finished;
      do {
        state.captureAgain = false;
        finished = await runPendingCaptures(BATCH);
      } while (state.captureAgain || finished === BATCH);
    } catch (error) {
      console.error('Capture queue run failed:', error instanceof Error ? error.name : 'unknown error');
    } finally {
      state.captureRun = undefined;
    }
  })();
  return state.captureRun;
}

/** Asks for captures of sources just created (an import's new sources). */
export async function enqueueCaptures(tx: Tx, sourceIds: number[], actorId: number | null): Promise<void> {
  if (sourceIds.length === 0) return;
  // One statement however many (an import can add thousands of sources).
  await bulkInsert(tx, captureRequests, sourceIds.map((sourceId) => ({ sourceId, requestedById: actorId })));
}
