import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { recordAudit } from '@/lib/audit/log';
import { can, seesRestricted } from '@/lib/auth/policy';
import { currentRouteUser, parseId } from '@/lib/auth/guard';
import { publicOrigin } from '@/lib/exports/origin';
import { isLocale } from '@/lib/i18n/locales';
import { generateRecordReport, type Translate } from '@/lib/reports/report';
import { clientIp } from '@/lib/request/client';
import type { NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

/**
 * GET /cases/[id]/pdf[?notes=1]: one detention as a PDF, for a lawyer or a family. The case page's
 * authorization (a record the reader may not see is not found); internal notes only with notes=1
 * and for a reader allowed them, stamped. Logged like the report.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentRouteUser();
  if (!user) redirect('/login');
  if (!can(user.role, 'read')) return new Response('Forbidden', { status: 403 });
  const id = parseId((await params).id);
  const internalNotes = request.nextUrl.searchParams.get('notes') === '1' && seesRestricted(user);
  const [t, locale] = await Promise.all([getTranslations() as unknown as Promise<Translate>, getLocale()]);
  const report = await generateRecordReport(user, id, { t, locale: isLocale(locale) ? locale : 'en', origin: publicOrigin(request), internalNotes });
  if (!report) notFound();
  await recordAudit({ action: 'report', actorId: user.id, ip: await clientIp(), details: { format: 'pdf', record: id, notes: internalNotes, datasetVersion: report.version.sha256 } });
  return new Response(new Uint8Array(report.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${report.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Dataset-Version': report.version.sha256,
    },
  });
}
