import type { NextRequest } from 'next/server';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { auditedAuditFilters, parseAuditFilters } from '@/lib/audit/filters';
import { recordAudit } from '@/lib/audit/log';
import { streamAuditCsv } from '@/lib/audit/queries';
import { clientIp } from '@/lib/request/client';

export const dynamic = 'force-dynamic';

/**
 * GET /admin/audit/export?<the /admin/audit filters>: the filtered trail as CSV, streamed, admins
 * only. A route handler answers 401/403 rather than redirecting, so a script sees the refusal.
 * The download is recorded once it ends, with how many events went out.
 */
export async function GET(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  if (!can(user.role, 'audit')) return new Response('Forbidden', { status: 403 });
  const { filters, invalid } = parseAuditFilters(request.nextUrl.searchParams);
  // A file that silently ignored a bad date would hold more than the auditor asked for.
  if (invalid.length > 0) return new Response(`Invalid filters: ${invalid.join(', ')} (dates are YYYY-MM-DD).`, { status: 400 });
  const ip = await clientIp();
  const body = streamAuditCsv(user, filters, (rows, completed) =>
    recordAudit({
      action: 'audit_exported',
      actorId: user.id,
      targetKind: 'audit',
      ip,
      details: { filters: auditedAuditFilters(filters), format: 'csv', rows, completed },
    }),
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
