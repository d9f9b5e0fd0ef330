import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { auditedCaseFilters } from '@/lib/audit/filters';
import { recordAudit } from '@/lib/audit/log';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { readCaseFilters } from '@/lib/cases/filters';
import { publicOrigin } from '@/lib/exports/origin';
import { generateReport, type Translate } from '@/lib/reports/report';
import { clientIp } from '@/lib/request/client';

export const dynamic = 'force-dynamic';

/** GET /reports/pdf?<the /cases filters>: the observers' PDF, built on the server, logged. */
export async function GET(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) redirect('/login');
  if (!can(user.role, 'read')) return new Response('Forbidden', { status: 403 });
  const { filters, invalid } = readCaseFilters(request.nextUrl.searchParams);
  // A file built without a filter the reader asked for would mislead: refuse it, naming the filter.
  if (invalid.length) return new Response(`Invalid filter: ${invalid.join(', ')}.`, { status: 400 });
  const t = (await getTranslations()) as unknown as Translate;
  const now = new Date();
  const { bytes, rowCount } = await generateReport(user, filters, { t, origin: publicOrigin(request), now });
  await recordAudit({ action: 'report', actorId: user.id, ip: await clientIp(), details: { filters: auditedCaseFilters(filters), format: 'pdf', rows: rowCount } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="detentions-report-${now.toISOString().slice(0, 10)}.pdf"`,
      'Cache-Control': 'no-store',
    },
  });
}
