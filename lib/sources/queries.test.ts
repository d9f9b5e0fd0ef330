import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { sources } from '@/db/schema';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { updateSource } from './queries';
import { sourceInput } from './schema';

useTestDatabase();

const address = (name: string) => `https://news.example.org/${unique(name).replace(/\s+/g, '-')}`;

describe('updateSource', () => {
  // Integrity regression (session 25): both edits passed the "address taken" check (a plain read)
  // and the second failed on the unique index as a 500. On PGlite the two run one after the other,
  // so this fails without the fix only on the PostgreSQL server.
  it('answers "address taken" to the second of two sources given the same new address at once', async () => {
    const monitor = await createActor('monitor');
    const [first, second] = [address('first'), address('second')];
    for (const url of [first, second]) expect((await createCase(monitor, await validCase({ sources: [{ url, title: 'A report' }] }))).ok).toBe(true);
    const ids = await Promise.all([first, second].map(async (url) => (await db.select({ id: sources.id, version: sources.version }).from(sources).where(eq(sources.url, url)))[0]));
    const target = address('both');
    const input = sourceInput.parse({ url: target, title: 'A report', publishedOn: '', accessedOn: '' });
    const results = await Promise.all(ids.map(({ id, version }) => updateSource(monitor, id, version, input)));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['ok', 'urlTaken']);
    expect(await db.select({ id: sources.id }).from(sources).where(eq(sources.url, target))).toHaveLength(1);
  });
});
