import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { auditedCaseFilters } from '@/lib/audit/filters';
import { recordAudit } from '@/lib/audit/log';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { readCaseFilters } from '@/lib/cases/filters';
import { publicOrigin } from '@/lib/exports/origin';
import { generateReport, type Translate } from '@/lib/reports/report';
import { isLocale } from '@/lib/i18n/locales';
import { clientIp } from '@/lib/request/client';

export const dynamic = 'force-dynamic';

/** GET /reports/pdf?<the /cases filters>: the observers' PDF in the reader's language, built on the server, logged. */
export async function GET(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) redirect('/login');
  if (!can(user.role, 'read')) return new Response('Forbidden', { status: 403 });
  const { filters, invalid } = readCaseFilters(request.nextUrl.searchParams);
  // A file built without a filter the reader asked for would mislead: refuse it, naming the filter.
  if (invalid.length) return new Response(`Invalid filter: ${invalid.join(', ')}.`, { status: 400 });
  // The reader's language (saved choice, cookie, Accept-Language): words, numbers and names alike.
  const [t, locale] = await Promise.all([getTranslations() as unknown as Promise<Translate>, getLocale()]);
  const now = new Date();
  const { bytes, rowCount } = await generateReport(user, filters, { t, locale: isLocale(locale) ? locale : 'en', origin: publicOrigin(request), now });
  await recordAudit({ action: 'report', actorId: user.id, ip: await clientIp(), details: { filters: auditedCaseFilters(filters), format: 'pdf', rows: rowCount } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="detentions-report-${now.toISOString().slice(0, 10)}.pdf"`,
      'Cache-Control': 'no-store',
    },
  });
}
