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
import { readReportScope } from '@/lib/reports/scope';
import { downloadCookie } from '@/lib/reports/download-cookie';
import { isLocale } from '@/lib/i18n/locales';
import { clientIp } from '@/lib/request/client';

export const dynamic = 'force-dynamic';

/**
 * GET /reports/pdf?<the /cases filters>[&include=draft][&include=restricted&confirm=1]: the
 * observers' PDF in the reader's language, built on the server, logged. Shareable and verified
 * records only, unless the reader includes more, confirms it, and may see them (lib/reports/scope.ts).
 */
export async function GET(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) redirect('/login');
  if (!can(user.role, 'read')) return new Response('Forbidden', { status: 403 });
  const params = request.nextUrl.searchParams;
  const { filters, invalid } = readCaseFilters(params);
  // A file built without a filter the reader asked for would mislead: refuse it, naming the filter.
  if (invalid.length) return new Response(`Invalid filter: ${invalid.join(', ')}.`, { status: 400 });
  const checked = readReportScope(params, user, filters);
  if (!checked.ok) {
    if (checked.error === 'forbidden') return new Response('Forbidden', { status: 403 });
    // Back to the form, the reader's choices kept, the message next to the confirmation.
    const back = new URLSearchParams(params);
    back.delete('dl');
    back.set('error', checked.error);
    redirect(`/reports?${back.toString()}`);
  }
  // The reader's language (saved choice, cookie, Accept-Language): words, numbers and names alike.
  const [t, locale] = await Promise.all([getTranslations() as unknown as Promise<Translate>, getLocale()]);
  const now = new Date();
  const { bytes, rowCount, version, fileName, stamped } = await generateReport(user, filters, {
    t,
    locale: isLocale(locale) ? locale : 'en',
    origin: publicOrigin(request),
    now,
    scope: checked.scope,
  });
  await recordAudit({
    action: 'report',
    actorId: user.id,
    ip: await clientIp(),
    details: { filters: auditedCaseFilters(checked.filters), format: 'pdf', rows: rowCount, datasetVersion: version.sha256, ...checked.scope, stamped },
  });
  const headers = new Headers({
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'no-store',
    'X-Dataset-Version': version.sha256,
    'X-Row-Count': String(version.rows),
  });
  const cookie = downloadCookie(params.get('dl'));
  if (cookie) headers.append('Set-Cookie', cookie);
  return new Response(new Uint8Array(bytes), { headers });
}
