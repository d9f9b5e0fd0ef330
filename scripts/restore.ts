/**
 * `npm run restore -- FILE`: loads a backup into an empty database and checks every table's row
 * count and content hash against the backup's manifest. See lib/backup/backup.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup, type Target } from '../lib/backup/backup';
import { resolvePassphrase } from '../lib/backup/passphrase';
import { env } from '../lib/env';

const HELP = `Usage: npm run restore -- FILE [--target-dir DIR] [--create] [--passphrase-file FILE] [--allow-unencrypted]

Restores FILE (made by npm run backup) after checking FILE.sha256 and, if encrypted, the
passphrase (BACKUP_PASSPHRASE or --passphrase-file). A backup restores onto the driver it came from:

  PostgreSQL (DATABASE_URL set): into DATABASE_URL's database, which must hold no tables;
    --create creates it first (and refuses if it exists). Needs pg_restore.
  PGlite: into --target-dir (default PGLITE_DIR, else .data/pglite), which must not exist or be
    empty. Stop the app while restoring; point PGLITE_DIR at the new directory afterwards.

With a passphrase set, an unencrypted file is refused (nothing proves who made it) unless
--allow-unencrypted says you made it so. Never overwrites anything. Then compares every table's row count and content hash with the
backup and exits non-zero on any difference (a PGlite restore that differs is removed again).`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'target-dir': { type: 'string' },
      create: { type: 'boolean', default: false },
      'passphrase-file': { type: 'string' },
      'allow-unencrypted': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(HELP);
  if (positionals.length !== 1) throw new Error(`Name one backup file.\n\n${HELP}`);
  const [file] = positionals;
  const passphrase = resolvePassphrase(values['passphrase-file'], env.BACKUP_PASSPHRASE);
  const target: Target = env.DATABASE_URL
    ? { driver: 'postgres', url: env.DATABASE_URL, create: values.create }
    : { driver: 'pglite', dir: values['target-dir'] ?? (env.PGLITE_DIR || '.data/pglite') };
  if (target.driver === 'pglite' && target.dir.startsWith('memory://')) throw new Error('Restore into a directory, not memory://.');

  const started = Date.now();
  const result = await restoreBackup({ file, target, passphrase, allowUnencrypted: values['allow-unencrypted'] });
  console.log(result.report);
  for (const d of result.differences) console.error(`MISMATCH ${d.name}: backup has ${d.expected}, restored has ${d.actual}`);
  if (result.differences.length) {
    throw new Error(`the restored database differs from the backup in ${result.differences.length} places${target.driver === 'pglite' ? ' (the restored directory was removed)' : ': do not run the app on it'}.`);
  }
  const where = target.driver === 'pglite' ? target.dir : new URL(target.url).pathname.slice(1);
  console.log(`Restored ${path.basename(file)} (${result.header.driver}, made ${result.header.createdAt}) into ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s: every table matches. The file was ${result.header.encryption ? 'encrypted and authenticated' : 'NOT encrypted'}.`);
  const journal = JSON.parse(readFileSync(path.join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  if (result.header.migrations < journal.entries.length) {
    console.log(`The backup is at migration ${result.header.migrations} of this code's ${journal.entries.length}: run npm run db:migrate before starting the app.`);
  } else if (result.header.migrations > journal.entries.length) {
    console.log(`The backup comes from a newer release (migration ${result.header.migrations}, this code has ${journal.entries.length}): run that release.`);
  }
}

main().catch((error) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
