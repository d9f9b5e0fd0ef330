/**
 * `npm run check-links [-- --source ID] [--stale-hours N] [--limit N]`: fetches each source's live
 * page and records whether it is gone or its readable text changed since the first capture
 * (lib/evidence/link-check.ts). Prints the sources that need a look.
 */
import { parseArgs } from 'node:util';
import { closeDb } from '../db';
import { checkLinks } from '../lib/evidence/link-check';

const HELP = `Usage: npm run check-links -- [--source ID] [--stale-hours N] [--limit N]

Fetches the live page of every source (or one, or only those not checked in the last N hours),
through the capture fetcher's address policy and limits, and records a link check: gone (HTTP
4xx/5xx, no answer, refused) and changed (readable text differs from the first capture's).`;

/** A mistake in how the command was called: its message is all the user needs. */
class UsageError extends Error {}

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`${name} takes a whole number`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string' },
      'stale-hours': { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const results = await checkLinks({
    sourceId: count(values.source, '--source'),
    staleHours: count(values['stale-hours'], '--stale-hours'),
    limit: count(values.limit, '--limit'),
  });
  const flagged = results.filter((r) => r.gone || r.changed);
  if (flagged.length) {
    console.log('source  state    status  url');
    for (const r of flagged) {
      const state = r.gone ? 'gone' : 'changed';
      console.log(`${String(r.sourceId).padStart(6)}  ${state.padEnd(7)}  ${String(r.httpStatus ?? r.outcome).padEnd(6)}  ${r.url}`);
    }
  }
  const gone = results.filter((r) => r.gone).length;
  const changed = results.filter((r) => r.changed).length;
  console.log(`Checked ${results.length} source(s): ${gone} gone, ${changed} changed.`);
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error) => {
    if (error instanceof UsageError || (error instanceof Error && error.message.startsWith('check-links needs'))) {
      console.error(error.message);
    } else {
      const { logError } = await import('../lib/log');
      logError('check-links failed', error);
    }
    await closeDb();
    process.exit(error instanceof UsageError ? 2 : 1);
  });
