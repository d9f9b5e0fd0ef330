/**
 * `npm run verify-evidence [-- --source ID]`: recomputes every stored capture's hashes and checks
 * every timestamp token (lib/evidence/verify.ts). Prints what fails, by capture; exits 1 on any
 * failure, so it can run from cron or CI.
 */
import { parseArgs } from 'node:util';
import { closeDb } from '../db';
import { env } from '../lib/env';
import { formatVerifyReport, verifyEvidence } from '../lib/evidence/verify';

const HELP = `Usage: npm run verify-evidence -- [--source ID]

Checks every capture (or one source's): each stored file's SHA-256 recomputed from its bytes (in
the database, or under EVIDENCE_DIR), the manifest against its hash and the capture's files, and
every RFC 3161 timestamp token against the manifest hash and the roots in TSA_TRUST_FILE.
Exit status 0 when everything verifies, 1 otherwise.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const sourceId = values.source === undefined ? undefined : Number(values.source);
  if (sourceId !== undefined && !Number.isSafeInteger(sourceId)) {
    console.error('--source takes a source id (a number).');
    return 2;
  }
  const report = await verifyEvidence({ sourceId });
  console.log(formatVerifyReport(report, Boolean(env.TSA_TRUST_FILE)));
  return report.ok ? 0 : 1;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error) => {
    const { logError } = await import('../lib/log');
    logError('verify-evidence failed', error);
    await closeDb();
    process.exit(1);
  });
