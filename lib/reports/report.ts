import 'server-only';
import type { Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { startExportLog, finishExportLog } from '@/lib/exports/queries';
import { showSentence } from '@/lib/format';
import { listVocabulary } from '@/lib/vocab/queries';
import { filtersToQuery } from '@/lib/cases/filters';
import { barChart, stackedChart, timelineChart } from '@/lib/dashboard/charts';
import { parseDashboardParams } from '@/lib/dashboard/params';
import { getDashboardData } from '@/lib/dashboard/queries';
import { plea as pleaEnum, sentenceKind } from '@/db/schema';
import { renderReportCharts, type ReportChart } from './charts';
import { buildReportPdf, type ReportRow } from './pdf';
import { getReportData, type ReportData } from './queries';

/** A translator for the root namespace (next-intl's getTranslations()). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The filters in words, as the report prints them: names, not ids. */
async function describeFilters(t: Translate, filters: Partial<CaseFilters>): Promise<[string, string][]> {
  const vocab = await listVocabulary();
  const out: [string, string][] = [];
  const add = (label: string, value: string | undefined) => value && out.push([t(`filters.${label}`), value]);
  add('q', filters.q);
  add('city', vocab.places.find((p) => p.id === filters.city)?.name);
  add('region', filters.region);
  add('from', filters.from);
  add('to', filters.to);
  const charge = vocab.charges.find((c) => c.id === filters.charge);
  add('charge', charge && `${charge.legalBasis}: ${charge.name}`);
  add('sentence', filters.sentence && t(`enums.sentenceKind.${filters.sentence}`));
  add('plea', filters.plea && t(`enums.plea.${filters.plea}`));
  add('election', vocab.elections.find((e) => e.id === filters.election)?.name);
  add('status', filters.status && t(`enums.status.${filters.status}`));
  add('role', filters.role && t(`enums.personRole.${filters.role}`));
  add('review', filters.review && t(`enums.reviewStatus.${filters.review}`));
  add('confidentiality', filters.confidentiality && t(`enums.confidentiality.${filters.confidentiality}`));
  return out;
}

function describePeriod(t: Translate, filters: Partial<CaseFilters>, data: ReportData): string {
  const from = filters.from ?? data.totals.first;
  const to = filters.to ?? data.totals.last;
  if (!from && !to) return t('reports.pdf.period', { period: t('reports.pdf.periodUnknown') });
  return t('reports.pdf.period', { period: t('reports.pdf.periodRange', { from: from ?? '…', to: to ?? '…' }) });
}

/** The charts of the report; a separate step so another chart source can take its place. */
export function reportCharts(t: Translate, data: ReportData): ReportChart[] {
  const noCharge = t('reports.pdf.noCharge');
  return renderReportCharts(
    {
      byCity: data.byCity.map((c) => ({ label: c.label, count: c.count })),
      byCharge: data.byCharge.map((c) => ({ label: c.legalBasis ?? noCharge, count: c.count })),
    },
    { byCity: t('reports.pdf.chartByCity'), byCharge: t('reports.pdf.chartByCharge'), other: t('reports.pdf.other') },
  );
}

/**
 * The dashboard's charts for the same records: the timeline around the election (the filtered
 * election, else the dashboard's default), sentences, and plea against outcome.
 */
async function dashboardCharts(t: Translate, actor: Actor, filters: Partial<CaseFilters>): Promise<ReportChart[]> {
  const query = new URLSearchParams(filtersToQuery({ ...filters, page: 1 }).slice(1));
  // The report covers every date its filters allow, not the dashboard's default window.
  if (!filters.from && !filters.to) query.set('all', '1');
  if (filters.election) query.set('lens', String(filters.election));
  const params = parseDashboardParams(query);
  const data = await getDashboardData(actor, params);
  const charts: ReportChart[] = [];
  const lens = data.timeline[0];
  if (lens && lens.days.some((d) => d.count > 0)) {
    const label = (o: number) => (o === 0 ? t('dashboard.electionDayShort') : o < 0 ? `T−${-o}` : `T+${o}`);
    charts.push({
      title: t('reports.pdf.chartTimeline', { election: `${lens.name} (${lens.heldOn})` }),
      svg: timelineChart(
        lens.days.map((d) => label(d.offset)),
        [{ name: lens.name, points: lens.days.map((d) => ({ value: d.count, href: null })) }],
        { width: 495, electionDayLabel: t('dashboard.electionDay'), electionDayIndex: params.before },
      ).svg,
    });
  }
  if (data.bySentence.length) {
    charts.push({
      title: t('dashboard.bySentenceTitle'),
      svg: barChart(data.bySentence.map((s) => ({ label: t(`enums.sentenceKind.${s.kind}`), value: s.count, href: null })), { width: 495, labelRoom: 40 }).svg,
    });
  }
  if (data.pleaOutcome.length) {
    const kinds = sentenceKind.enumValues.filter((k) => data.pleaOutcome.some((p) => p.kind === k));
    charts.push({
      title: t('dashboard.pleaOutcomeTitle'),
      svg: stackedChart(
        pleaEnum.enumValues.map((p) => t(`enums.plea.${p}`)),
        kinds.map((k) => ({
          name: t(`enums.sentenceKind.${k}`),
          values: pleaEnum.enumValues.map((p) => ({ value: data.pleaOutcome.find((r) => r.plea === p && r.kind === k)?.count ?? 0, href: null })),
        })),
        { width: 495 },
      ).svg,
    });
  }
  return charts;
}

function tableRows(t: Translate, data: ReportData): ReportRow[] {
  const detained = (r: ReportData['rows'][number]) => (r.detainedOn ? (r.detainedPrecision === 'day' ? r.detainedOn : t(`dates.${r.detainedPrecision}`, { value: r.detainedOn })) : t('dates.unknown'));
  return [...data.rows]
    // Chronological, unknown dates last.
    .sort((a, b) => (a.detainedOn || '9999').localeCompare(b.detainedOn || '9999') || a.id - b.id)
    .map((r) => ({
      id: r.id,
      activist: r.activist,
      activistOther: r.activistCyrillic,
      city: r.city,
      detained: detained(r),
      charge: [r.legalBasis, r.chargeAsReported].filter(Boolean).join(': ') || t('reports.pdf.noCharge'),
      sentence: showSentence(t, r.sentenceKind, r.sentenceAmount, r.sentenceUnit),
      plea: t(`enums.plea.${r.plea}`),
      link: r.link,
      sources: r.sources.map((s) => ({ title: s.title, url: s.url })),
    }));
}

/**
 * The observers' PDF for the detentions matching `filters` that `actor` may see, logged in the
 * export log like every other download.
 */
export async function generateReport(actor: Actor, filters: Partial<CaseFilters>, { t, origin, now = new Date() }: { t: Translate; origin: string; now?: Date }) {
  const logId = await startExportLog(actor, 'pdf', filters, false);
  const data = await getReportData(actor, filters, { origin });
  const { totals } = data;
  const bytes = await buildReportPdf({
    title: t('reports.pdf.title'),
    generated: t('reports.pdf.generated', { at: now.toISOString().slice(0, 16).replace('T', ' ') }),
    period: describePeriod(t, filters, data),
    filtersTitle: t('reports.pdf.filtersTitle'),
    filters: await describeFilters(t, filters),
    noFilters: t('reports.pdf.noFilters'),
    figuresTitle: t('reports.pdf.figuresTitle'),
    figures: [
      [t('reports.pdf.detentions'), String(totals.detentions)],
      [t('reports.pdf.people'), String(totals.people)],
      [t('reports.pdf.arrestDays'), String(totals.arrestDays)],
      [t('reports.pdf.sourcesCount'), String(totals.sources)],
    ],
    breakdowns: [
      { title: t('reports.pdf.byCity'), lines: data.byCity.map((c) => [c.label, c.count]) },
      { title: t('reports.pdf.byCharge'), lines: data.byCharge.map((c) => [c.legalBasis ?? t('reports.pdf.noCharge'), c.count]) },
      { title: t('reports.pdf.bySentence'), lines: data.bySentence.map((s) => [t(`enums.sentenceKind.${s.kind}`), s.count]) },
    ].filter((b) => b.lines.length > 0) as { title: string; lines: [string, number][] }[],
    chartsTitle: t('reports.pdf.chartsTitle'),
    charts: [...reportCharts(t, data), ...(await dashboardCharts(t, actor, filters))],
    tableTitle: t('reports.pdf.tableTitle'),
    tableNote: data.rows.length < totals.detentions ? t('reports.pdf.tableTruncated', { shown: data.rows.length, total: totals.detentions }) : null,
    columns: {
      no: t('reports.pdf.colNo'),
      activist: t('reports.pdf.colActivist'),
      city: t('reports.pdf.colCity'),
      detained: t('reports.pdf.colDetained'),
      charge: t('reports.pdf.colCharge'),
      sentence: t('reports.pdf.colSentence'),
      plea: t('reports.pdf.colPlea'),
    },
    sourcesLabel: t('reports.pdf.sources'),
    rows: tableRows(t, data),
    methodologyTitle: t('reports.pdf.methodologyTitle'),
    methodology: t('reports.pdf.methodology'),
    pageLabel: (page, pages) => t('reports.pdf.page', { page, pages }),
  });
  await finishExportLog(logId, data.rows.length, true);
  return { bytes, rowCount: data.rows.length };
}
