/**
 * Removes audit events older than AUDIT_RETENTION_DAYS now, without waiting for the daily purge
 * (e.g. from cron when the app is not kept running). Usage: npx tsx scripts/audit-purge.ts
 */
import { closeDb } from '@/db';
import { MIN_RETENTION_DAYS } from '@/lib/audit/log';
import { purgeAudit } from '@/lib/audit/retention';
import { env } from '@/lib/env';

async function main() {
  const removed = await purgeAudit();
  console.log(`Removed ${removed} audit events older than ${Math.max(MIN_RETENTION_DAYS, env.AUDIT_RETENTION_DAYS)} days.`);
  await closeDb();
}

main().catch(async (error) => {
  console.error('Audit purge failed:', error instanceof Error ? error.message : error);
  await closeDb();
  process.exit(1);
});
