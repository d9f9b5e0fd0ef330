import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import sharp from 'sharp';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { getDashboard } from '@/lib/dashboard/cache';
import { CHART_FORMATS, chartFileName, csvFile, svgFile, type ChartFormat } from '@/lib/dashboard/chart-files';
import { readDashboardParams } from '@/lib/dashboard/params';
import { activeFilters } from '@/lib/dashboard/view';
import { caseFiltersOfView, filtersToQuery } from '@/lib/filters/definition';
import { buildCharts, CHART_IDS, type ChartId } from '../../chart-set';

export const dynamic = 'force-dynamic';

const CONTENT_TYPES: Record<ChartFormat, string> = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png', csv: 'text/csv; charset=utf-8' };

/**
 * GET /dashboard/chart/<chart>.<svg|png|csv>?<the dashboard's view>: one chart of the dashboard as
 * a file, counted exactly as the page counts it for this user (getDashboard with the user: the
 * researcher's view leaves restricted records out). PNG is drawn from the SVG on the server.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const user = await currentRouteUser();
  if (!user) redirect('/login');
  if (!can(user.role, 'read')) return new Response('Forbidden', { status: 403 });
  const match = /^([a-z-]+)\.([a-z]+)$/.exec((await params).file);
  const id = match?.[1] as ChartId | undefined;
  const format = match?.[2] as ChartFormat | undefined;
  if (!id || !format || !CHART_IDS.includes(id) || !CHART_FORMATS.includes(format)) return new Response('Not found', { status: 404 });
  const { params: view, invalid } = readDashboardParams(request.nextUrl.searchParams);
  // A file drawn without a filter the reader asked for would mislead: refuse it, naming the filter.
  if (invalid.length) return new Response(`Invalid filter: ${invalid.join(', ')}.`, { status: 400 });

  const data = await getDashboard(user, view);
  const shared = caseFiltersOfView(view, data.scope);
  const charts = await buildCharts({ data, params: view, cases: (overrides) => `/cases${filtersToQuery(shared, overrides)}` });
  const { chart, title, category } = charts[id];
  const t = await getTranslations('dashboard');
  const name = chartFileName(id, format, {
    electionDay: data.lens?.heldOn ?? null,
    // An election's window is named by its election day; an explicit range by its ends.
    from: data.scope.undatedElectionId ? null : data.scope.from,
    to: data.scope.undatedElectionId ? null : data.scope.to,
    all: Boolean(data.scope.all),
    filtered: activeFilters(view).some((f) => f.narrows),
    today: data.today,
  });
  let body: string | Uint8Array<ArrayBuffer>;
  if (format === 'csv') body = csvFile(chart.table, category, t('detentions'));
  else {
    const svg = svgFile(chart.svg, title);
    // Twice the drawn size: sharp on the page, and on a slide.
    body = format === 'svg' ? svg : new Uint8Array(await sharp(Buffer.from(svg), { density: 144 }).flatten({ background: '#ffffff' }).png().toBuffer());
  }
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
