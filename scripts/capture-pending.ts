/**
 * Works off every pending source capture now (the app does this itself after each save and at
 * boot; this is for cron, or after an import made while the app was down).
 * Usage: npm run capture-pending
 */
import { closeDb } from '@/db';
import { runPendingCaptures } from '@/lib/evidence/requests';

const BATCH = 20;

async function main() {
  let total = 0;
  for (let done = BATCH; done === BATCH; total += done) done = await runPendingCaptures(BATCH);
  console.log(`Worked off ${total} capture request(s).`);
  await closeDb();
}

main().catch(async (error) => {
  // The name only: a driver error's message can hold a source URL.
  console.error('Capturing pending sources failed:', error instanceof Error ? error.name : 'unknown error');
  await closeDb();
  process.exit(1);
});
