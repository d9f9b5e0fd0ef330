/**
 * `npm run backup`: the configured database (DATABASE_URL, else PGlite at PGLITE_DIR) into one
 * file under BACKUP_DIR, with `<file>.sha256` beside it. See lib/backup/backup.ts.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, type Source } from '../lib/backup/backup';
import { resolvePassphrase } from '../lib/backup/passphrase';
import { env } from '../lib/env';

const HELP = `Usage: npm run backup -- [--out DIR] [--passphrase-file FILE] [--unencrypted]

Backs up the database the app uses: the PostgreSQL server in DATABASE_URL (pg_dump, custom
format; pg_dump must be installed and no older than the server), or else the embedded PGlite
database in PGLITE_DIR (default .data/pglite).

PGlite: STOP THE APP FIRST. PGlite allows one process per directory and this command opens it
itself; running it while the app uses the same PGLITE_DIR can corrupt the database.

  --out DIR               where to write (default BACKUP_DIR, else ./backups)
  --passphrase-file FILE  encrypt with the passphrase in FILE (else BACKUP_PASSPHRASE)
  --unencrypted           say that a plain backup is meant (silences the warning printed when
                          no passphrase is set; the file then holds every record in the clear)

Writes backups/case-tracker-<driver>-<UTC time>.ctbackup and <file>.sha256 (sha256sum format).`;

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
      unencrypted: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(HELP);
  const passphrase = resolvePassphrase(values['passphrase-file'], env.BACKUP_PASSPHRASE);
  if (!passphrase && !values.unencrypted) {
    // Encryption is optional (a fresh install must be able to back up at once), but never silently off.
    console.warn('WARNING: no passphrase (BACKUP_PASSPHRASE or --passphrase-file): this backup is NOT encrypted and holds every record. Keep it somewhere only you can read, or set a passphrase.');
  }
  const pgliteDir = env.PGLITE_DIR || '.data/pglite';
  if (!env.DATABASE_URL && pgliteDir.startsWith('memory://')) throw new Error('PGLITE_DIR is in memory: there is nothing on disk to back up.');
  const source: Source = env.DATABASE_URL ? { driver: 'postgres', url: env.DATABASE_URL } : { driver: 'pglite', dir: pgliteDir };
  const started = Date.now();
  const result = await createBackup({ source, outDir: values.out ?? env.BACKUP_DIR, passphrase });
  const rows = result.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(`Backed up ${result.manifest.tables.length} tables (${rows} rows) from ${source.driver} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.encrypted ? 'encrypted' : 'NOT encrypted'})`);
  console.log(`${result.file}.sha256`);
  if (result.encrypted) console.log(`Keep the passphrase apart from the file: without it the backup can't be restored.`);
  const shown = path.relative(process.cwd(), result.file);
  console.log(`Check it restores: npm run restore -- ${shown.startsWith('..') ? result.file : shown} (into an empty database).`);
}

main().catch((error) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
