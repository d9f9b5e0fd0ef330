import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './index';
import { keepPrivate } from './private-dir';

const root = mkdtempSync(path.join(tmpdir(), 'pglite-private-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const othersMayEnter = (dir: string) => (statSync(dir).mode & 0o077) !== 0;

// Security regression (session 25): the data folder was made with the umask's 0755 and PGlite writes
// its files 0666, so every account on the machine could read every record, restricted ones and
// notes included, and the password hashes.
describe("the embedded database's folder", () => {
  it('is closed to other accounts when the app makes it, and when it was made open before', async () => {
    const made = path.join(root, 'new', 'pglite');
    keepPrivate(made);
    expect(othersMayEnter(made)).toBe(false);

    const older = path.join(root, 'older');
    mkdirSync(older, { mode: 0o755 });
    chmodSync(older, 0o755);
    const { db, close } = connect('', older);
    await db.execute(sql`SELECT 1`);
    await close();
    expect(othersMayEnter(older)).toBe(false);
    // PGlite's own files are open to all: the folder is what protects them.
    expect(readdirSync(older).length).toBeGreaterThan(0);
  });
});
