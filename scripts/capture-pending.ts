/**
 * Works off every pending source capture now (the app does this itself after each save and at
 * boot; this is for cron, or after an import made while the app was down).
 * Usage: npm run capture-pending
 *
 * With --watch it keeps going, looking again every few seconds (`npm run capture-worker`): a
 * capture worker for app instances started with CAPTURE_IN_APP=off, so that fetching and rendering
 * sources runs on a machine of its own. Several workers may run at once: each request is claimed
 * by one (SKIP LOCKED). Stops cleanly on SIGTERM or SIGINT after the batch in hand (at most 20).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { closeDb } from '@/db';
import { env } from '@/lib/env';
import { runPendingCaptures } from '@/lib/evidence/requests';

const BATCH = 20;
/** How long a watching worker waits when it finds nothing to do. */
const IDLE_MS = 3000;

/** Every pending request, batch by batch; a stopped worker ends after the batch in hand. */
async function workOff(stop?: AbortSignal): Promise<number> {
  let total = 0;
  for (let done = BATCH; done === BATCH && !stop?.aborted; total += done) done = await runPendingCaptures(BATCH);
  return total;
}

async function main() {
  if (!process.argv.includes('--watch')) {
    console.log(`Worked off ${await workOff()} capture request(s).`);
    await closeDb();
    return;
  }
  if (!env.DATABASE_URL) {
    // PGlite has no lock across processes: a second process on its files would corrupt them.
    console.error('A capture worker needs the PostgreSQL server (DATABASE_URL): the embedded database is opened by the app alone.');
    process.exit(1);
  }
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop.abort());
  console.log('Capture worker: working off capture requests as they come (Ctrl-C to stop).');
  while (!stop.signal.aborted) {
    const done = await workOff(stop.signal);
    if (done) console.log(`Worked off ${done} capture request(s).`);
    else await sleep(IDLE_MS, undefined, { signal: stop.signal }).catch(() => undefined);
  }
  await closeDb();
}

main().catch(async (error) => {
  // The name only: a driver error's message can hold a source URL.
  console.error('Capturing pending sources failed:', error instanceof Error ? error.name : 'unknown error');
  await closeDb();
  process.exit(1);
});
