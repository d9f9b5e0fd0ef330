import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { useTestDatabase } from '@/lib/test/database';
import { describeError, installLogRedaction, logError } from './log';

useTestDatabase();

const NAME = 'Serikbayev Probe';
const DAY = '2021-02-30';

/** A real failed query whose parameters are a name and an impossible day, as a search would send. */
async function failedQuery(): Promise<unknown> {
  try {
    await db.execute(sql`SELECT id FROM people WHERE display_name = ${NAME} AND ${DAY}::date IS NOT NULL`);
  } catch (error) {
    return error;
  }
  throw new Error('the query should have failed');
}

/** A console whose lines are kept, to see what would reach the server log. */
function capturingConsole() {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => lines.push(args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(' '));
  const fake = { error: keep, warn: keep, log: keep, info: keep } as unknown as Console;
  return { fake, lines };
}

describe('server logs', () => {
  it('describe a database error by class and SQLSTATE code, never its query, parameters or message', async () => {
    const error = await failedQuery();
    expect(String((error as Error).message)).toContain(NAME); // what a plain console.error(error) would print
    const text = describeError(error);
    expect(text).toMatch(/code=22008/);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(DAY);
    expect(text).not.toContain('SELECT');
  });

  it('carry no names or search terms whatever Next.js or a library logs', async () => {
    const error = await failedQuery();
    const { fake, lines } = capturingConsole();
    installLogRedaction(fake);
    installLogRedaction(fake);
    fake.error('⨯', error);
    fake.error(`Error: Failed query: select 1\nparams: ${NAME},${DAY}`);
    fake.warn('retrying', new Error(`duplicate key value: Key (url)=(https://news.example.org/${NAME})`));
    const original = console.error;
    const { fake: sink, lines: logged } = capturingConsole();
    console.error = sink.error;
    try {
      logError('Export failed', error);
    } finally {
      console.error = original;
    }
    const all = [...lines, ...logged].join('\n');
    expect(lines).toHaveLength(3);
    expect(logged[0]).toMatch(/^Export failed: .*code=22008/);
    expect(all).not.toContain(NAME);
    expect(all).not.toContain(DAY);
  });
});
