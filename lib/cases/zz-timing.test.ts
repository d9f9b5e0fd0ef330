import { it } from 'vitest';
import { db } from '@/db';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, validCase } from '@/lib/test/factories';
import { createCase } from './queries';

useTestDatabase();

it('times createCase', async () => {
  const monitor = await createActor('monitor');
  const inputs = await Promise.all(Array.from({ length: 150 }, () => validCase({ sources: [{ url: `https://example.org/${Math.random()}`, title: 't' }] })));
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let i = round * 50; i < round * 50 + 50; i++) { const r = await createCase(monitor, inputs[i]); if (!r.ok) throw new Error(JSON.stringify(r)); }
    console.log('createCase ms', ((performance.now() - t0) / 50).toFixed(2));
  }
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) await db.execute(sql`SELECT ${i}::int`);
  console.log('select ms', ((performance.now() - t0) / 200).toFixed(3));
}, 120000);
