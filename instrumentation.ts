/**
 * Runs once when the server starts (Next.js instrumentation hook).
 * @see https://nextjs.org/docs/app/guides/instrumentation
 */
export async function register() {
  // Node only (the database driver), and never while `next build` prerenders.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { scheduleAuditPurge } = await import('./lib/audit/retention');
  scheduleAuditPurge();
}
