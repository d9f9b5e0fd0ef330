import { db, closeDb } from '@/db';
import { readExportBatch } from '@/lib/exports/queries';
async function main() {
  const actor = { id: 1, role: 'admin' as const };
  let after = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const rows = await readExportBatch(actor, {}, { afterId: after, limit: 1000, origin: 'https://x' });
    console.log('batch', i, (performance.now() - t).toFixed(0), 'ms', rows.length);
    after = rows.at(-1)!.id;
  }
  await closeDb();
}
main();
