/**
 * Runs once when the server starts (Next.js instrumentation hook).
 * - Next.js logs an uncaught server error whole, and a database error's message holds the query's
 *   parameters (names, search terms): every log line is redacted.
 * - The audit trail's retention purge is scheduled.
 * - Source captures left pending (a crash, a restart before they ran) are worked off.
 * - On the embedded database, VACUUM (ANALYZE) is scheduled: PGlite has no autovacuum.
 * - The stored export cells are kept filled in the background (lib/exports/warm.ts).
 * @see https://nextjs.org/docs/app/guides/instrumentation
 */
export async function register() {
  // Node only (the console and the database driver), and never while `next build` prerenders.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installLogRedaction } = await import('./lib/log');
  installLogRedaction();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { scheduleAuditPurge } = await import('./lib/audit/retention');
  scheduleAuditPurge();
  const { scheduleEmbeddedMaintenance } = await import('./db/maintenance');
  scheduleEmbeddedMaintenance();
  const { scheduleExportWarming } = await import('./lib/exports/warm');
  scheduleExportWarming();
  const { kickPendingCaptures } = await import('./lib/evidence/requests');
  // In the background: the server starts answering at once.
  void kickPendingCaptures();
}
