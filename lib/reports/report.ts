import 'server-only';
import { APP_VERSION } from '@/lib/app-version';
import type { Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { startExportLog, finishExportLog } from '@/lib/exports/queries';
import { formatAmount, legalBasisText, showDate, showInterval, showPenalty, showPlace } from '@/lib/format';
import { showUtc } from '@/lib/evidence/format';
import { listVocabulary, type Vocabulary } from '@/lib/vocab/queries';
import type { Locale } from '@/lib/i18n/locales';
import { vocabularyNames, type VocabularyNames } from '@/lib/i18n/vocabulary';
import { filtersToQuery } from '@/lib/cases/filters';
import type { ChargeDetail } from '@/lib/cases/details';
import { barChart, timelineChart } from '@/lib/dashboard/charts';
import { chargeBarLabel } from '@/lib/dashboard/labels';
import { parseDashboardParams } from '@/lib/dashboard/params';
import { getDashboardData } from '@/lib/dashboard/queries';
import { renderReportCharts, tallyAlt, type ReportChart } from './charts';
import { fileMetadata, hashDataset } from './dataset';
import { recordFileName, reportFileName } from './file-name';
import { buildRecordPdf, buildReportPdf, type PdfMeta, type ReportRow, type ReportRowSource } from './pdf';
import { datasetEntries, getDatasetVersion, getRecordReportRow, getReportData, type ReportData, type ReportRecord, type ReportSource } from './queries';
import { DEFAULT_SCOPE, rowStamps, scopedFilters, type ReportScope } from './scope';

/** A translator for the root namespace (next-intl's getTranslations()). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The filters in words, as the report prints them: names, not ids. */
function describeFilters(t: Translate, filters: Partial<CaseFilters>, vocab: Vocabulary, names: VocabularyNames): [string, string][] {
  const out: [string, string][] = [];
  const add = (label: string, value: string | undefined) => value && out.push([t(`filters.${label}`), value]);
  // Filters of the new model, named in this report's own words.
  const addOwn = (label: string, value: string | undefined) => value && out.push([t(`reports.pdf.${label}`), value]);
  add('q', filters.q);
  add('city', names.place(vocab.places.find((p) => p.id === filters.city)?.name) || undefined);
  add('region', filters.region && names.region(filters.region));
  add('from', filters.from);
  add('to', filters.to);
  const charge = vocab.charges.find((c) => c.id === filters.charge);
  add('charge', charge && `${legalBasisText(t, { legalBasis: charge.legalBasis, part: null })}: ${names.local(charge)}`);
  add('plea', filters.plea && t(`enums.plea.${filters.plea}`));
  add('election', names.election(vocab.elections.find((e) => e.id === filters.election)?.name) || undefined);
  add('role', filters.role && t(`enums.personRole.${filters.role}`));
  add('review', filters.review && t(`enums.reviewStatus.${filters.review}`));
  add('confidentiality', filters.confidentiality && t(`enums.confidentiality.${filters.confidentiality}`));
  addOwn('place', filters.place && t(`enums.placePrecision.${filters.place}`));
  addOwn('dated', filters.dated && t('dates.uncertain'));
  addOwn('outcome', filters.outcome && t(`enums.chargeOutcome.${filters.outcome}`));
  addOwn('penalty', filters.penalty && t(`enums.penaltyKind.${filters.penalty}`));
  addOwn('custody', filters.custody && t(`enums.custodyFilter.${filters.custody}`));
  return out;
}

function describePeriod(t: Translate, filters: Partial<CaseFilters>, data: ReportData): string {
  const from = filters.from ?? data.totals.first;
  const to = filters.to ?? data.totals.last;
  if (!from && !to) return t('reports.pdf.period', { period: t('reports.pdf.periodUnknown') });
  return t('reports.pdf.period', { period: t('reports.pdf.periodRange', { from: from ?? '…', to: to ?? '…' }) });
}

/** The charts of the report; a separate step so another chart source can take its place. */
export function reportCharts(t: Translate, data: ReportData, names: VocabularyNames): ReportChart[] {
  const { panels } = data;
  return renderReportCharts(
    {
      byCity: cityLines(t, data, names).map(([label, count]) => ({ label, count })),
      byCharge: panels.byCharge.map((c) => ({ label: chargeBarLabel(t, c), count: c.count })),
    },
    { byCity: t('reports.pdf.chartByCity'), byCharge: t('reports.pdf.chartByCharge'), other: t('reports.pdf.other') },
  );
}

/** Cities, and the records naming none as a line of their own (as on the dashboard). */
function cityLines(t: Translate, data: ReportData, names: VocabularyNames): [string, number][] {
  const { panels } = data;
  const lines: [string, number][] = panels.byPlace.map((p) => [names.place(p.name), p.count]);
  if (panels.placeNotStated) lines.push([t('dashboard.placeNotStated'), panels.placeNotStated]);
  return lines.sort((a, b) => b[1] - a[1]);
}

/**
 * The dashboard's charts for the same records: the timeline around the election (the filtered
 * election, else the dashboard's default); penalties and outcomes per charge.
 */
async function dashboardCharts(t: Translate, actor: Actor, filters: Partial<CaseFilters>, data: ReportData, names: VocabularyNames): Promise<ReportChart[]> {
  const query = new URLSearchParams(filtersToQuery({ ...filters, page: 1 }).slice(1));
  // The report covers every date its filters allow, not the dashboard's default window.
  if (!filters.from && !filters.to) query.set('all', '1');
  if (filters.election) query.set('lens', String(filters.election));
  const params = parseDashboardParams(query);
  const dashboard = await getDashboardData(actor, params);
  const charts: ReportChart[] = [];
  const lens = dashboard.timeline[0];
  if (lens && lens.days.some((d) => d.count > 0)) {
    const label = (o: number) => (o === 0 ? t('dashboard.electionDayShort') : o < 0 ? `T−${-o}` : `T+${o}`);
    const title = t('reports.pdf.chartTimeline', { election: `${names.election(lens.name)} (${lens.heldOn})` });
    charts.push({
      title,
      alt: tallyAlt(title, lens.days.filter((d) => d.count > 0).map((d) => ({ label: label(d.offset), count: d.count }))),
      svg: (await timelineChart(
        lens.days.map((d) => label(d.offset)),
        [{ name: names.election(lens.name), points: lens.days.map((d) => ({ value: d.count, href: null })) }],
        { width: 495, electionDayLabel: t('dashboard.electionDay'), electionDayIndex: params.before },
      )).svg,
    });
  }
  const { panels } = data;
  if (panels.byPenalty.length) {
    charts.push({
      title: t('reports.pdf.chartByPenalty'),
      alt: tallyAlt(t('reports.pdf.chartByPenalty'), panels.byPenalty.map((p) => ({ label: t(`enums.penaltyKind.${p.kind}`), count: p.count }))),
      svg: (await barChart(panels.byPenalty.map((p) => ({ label: t(`enums.penaltyKind.${p.kind}`), value: p.count, href: null })), { width: 495, labelRoom: 40 })).svg,
    });
  }
  if (panels.byOutcome.length) {
    charts.push({
      title: t('reports.pdf.chartByOutcome'),
      alt: tallyAlt(t('reports.pdf.chartByOutcome'), panels.byOutcome.map((o) => ({ label: t(`enums.chargeOutcome.${o.outcome}`), count: o.count }))),
      svg: (await barChart(panels.byOutcome.map((o) => ({ label: t(`enums.chargeOutcome.${o.outcome}`), value: o.count, href: null })), { width: 495, labelRoom: 40 })).svg,
    });
  }
  return charts;
}

/** One charge: "CoAO art. 488(3) (stated by the source): calling for protests — Convicted". */
function chargeText(t: Translate, c: ChargeDetail): string {
  const basis = legalBasisText(t, c);
  const origin = c.basisOrigin ? ` (${t(`reports.pdf.${c.basisOrigin}`)})` : '';
  const head = basis ? `${basis}${origin}${c.chargeText ? `: ${c.chargeText}` : ''}` : (c.chargeText ?? t('dashboard.noArticle'));
  return `${head} — ${t(`enums.chargeOutcome.${c.outcome}`)}`;
}

/** Its penalties, in their own unit or currency; replaced ones marked. */
function penaltiesText(t: Translate, charges: ChargeDetail[]): string {
  const all = charges.flatMap((c) => c.penalties);
  if (all.length === 0) return t('reports.pdf.noPenalty');
  return all.map((p) => `${showPenalty(t, p)}${p.asReported ? ` (“${p.asReported}”)` : ''}${p.replacedBy !== null ? ` (${t('reports.pdf.replaced')})` : ''}`).join('; ');
}

/** Its words on the row: "RESTRICTED", "DRAFT" (none for a shareable, verified record). */
function stampsOf(t: Translate, r: Pick<ReportRecord, 'confidentiality' | 'reviewStatus'>): string[] {
  return rowStamps(r).map((s) => t(`reports.pdf.stamp.${s}`));
}

/** A source in full: publisher, publication and access dates, the archived copy. */
function sourceInFull(t: Translate, s: ReportSource): ReportRowSource {
  const details = [
    ...(s.publisher ? [t('reports.pdf.sourcePublisher', { publisher: s.publisher })] : []),
    t('reports.pdf.sourcePublished', { date: showDate(t, s.publishedOn, s.publishedPrecision) }),
    t('reports.pdf.sourceAccessed', { date: s.accessedOn ?? t('dates.unknown') }),
  ];
  return {
    title: s.title,
    url: s.url,
    details: details.join('; '),
    archived: s.firstCapture ? t('evidence.report.firstCapture', { at: showUtc(s.firstCapture.capturedAt), sha256: s.firstCapture.sha256 }) : t('reports.pdf.notArchived'),
  };
}

const detainedText = (t: Translate, i: ReportRecord['detained']) => `${showInterval(t, i)}${i.asReported ? ` (${t('dates.asReported', { text: i.asReported })})` : ''}`;

function tableRows(t: Translate, data: ReportData, names: VocabularyNames): ReportRow[] {
  return [...data.rows]
    // Chronological by the earliest possible day, unknown dates last.
    .sort((a, b) => (a.detained.earliest ?? a.detained.latest ?? '9999').localeCompare(b.detained.earliest ?? b.detained.latest ?? '9999') || a.id - b.id)
    .map((r, i) => ({
      no: i + 1,
      activist: r.activist,
      activistOther: r.activistCyrillic,
      city: showPlace(t, names.where(r)),
      detained: detainedText(t, r.detained),
      charge: r.charges.length ? r.charges.map((c) => chargeText(t, c)).join('\n') : t('dashboard.noArticle'),
      sentence: penaltiesText(t, r.charges),
      plea: t(`enums.plea.${r.plea}`),
      stamps: stampsOf(t, r),
      notes: r.publicNotes,
      link: r.link,
      sources: r.sources.map((s) => sourceInFull(t, s)),
    }));
}

/** What the cover says about the records included ("Verified records only; shareable only"). */
function describeScope(t: Translate, scope: ReportScope): string {
  return `${t(scope.drafts ? 'reports.pdf.scopeDrafts' : 'reports.pdf.scopeVerified')}; ${t(scope.restricted ? 'reports.pdf.scopeRestricted' : 'reports.pdf.scopeShareable')}`;
}

/**
 * The observers' PDF for the detentions matching `filters` that `actor` may see, logged in the
 * export log like every other download.
 */
/**
 * `t` and `locale` are the reader's language (the route passes the request's): the words, numbers
 * and vocabulary names of the PDF follow it.
 */
export async function generateReport(
  actor: Actor,
  filters: Partial<CaseFilters>,
  {
    t,
    locale = 'en',
    origin,
    now = new Date(),
    scope = DEFAULT_SCOPE,
  }: { t: Translate; locale?: Locale; origin: string; now?: Date; scope?: ReportScope },
) {
  const vocab = await listVocabulary();
  const names = vocabularyNames(vocab, locale);
  // Shareable and verified only, unless the caller passed a scope it checked (lib/reports/scope.ts).
  const requested = filters;
  filters = scopedFilters(filters, scope);
  const logId = await startExportLog(actor, 'pdf', filters, false);
  const [data, version] = await Promise.all([getReportData(actor, filters, { origin }), getDatasetVersion(actor, filters)]);
  const { totals, panels } = data;
  const filterLines = describeFilters(t, requested, vocab, names);
  const scopeText = describeScope(t, scope);
  const stamped = { restricted: data.rows.filter((r) => r.confidentiality === 'restricted').length, drafts: data.rows.filter((r) => r.reviewStatus === 'draft').length };
  const election = vocab.elections.find((e) => e.id === filters.election);
  const title = election ? t('reports.pdf.titleElection', { election: names.election(election.name) }) : t('reports.pdf.title');
  const period = describePeriod(t, filters, data);
  const meta = fileMetadata(version, { filters: filterLines, now, scope: scopeText });
  const pdfMeta: PdfMeta = {
    title: `${title} — ${period}`,
    lang: locale,
    subject: t('reports.pdf.subject'),
    keywords: t('reports.pdf.keywords'),
    now,
    info: {
      DatasetVersion: meta.datasetVersion,
      DatasetSHA256: meta.datasetSha256,
      Rows: String(meta.rows),
      Filters: meta.filters || t('reports.pdf.noFilters'),
      RecordsIncluded: scopeText,
      GeneratedUTC: meta.generatedUtc,
      AppVersion: meta.appVersion,
    },
    aboutTitle: t('reports.pdf.aboutTitle'),
    about: [
      [t('reports.pdf.datasetVersion'), t('reports.pdf.datasetVersionValue', { short: version.short, sha256: version.sha256 })],
      [t('reports.pdf.rowCount'), t('reports.pdf.rowCountValue', { rows: version.rows, listed: data.rows.length })],
      [t('reports.pdf.included'), scopeText],
      [t('reports.pdf.generatedUtc'), meta.generatedUtc],
      [t('reports.pdf.appVersion'), APP_VERSION],
    ],
    warning: stamped.restricted + stamped.drafts > 0 ? t('reports.pdf.warning', { restricted: stamped.restricted, drafts: stamped.drafts }) : null,
  };
  const bytes = await buildReportPdf({
    meta: pdfMeta,
    title,
    generated: t('reports.pdf.generated', { at: now.toISOString().slice(0, 16).replace('T', ' ') }),
    period,
    filtersTitle: t('reports.pdf.filtersTitle'),
    filters: filterLines,
    noFilters: t('reports.pdf.noFilters'),
    figuresTitle: t('reports.pdf.figuresTitle'),
    figures: [
      [t('reports.pdf.detentions'), t('locale.count', { count: totals.detentions })],
      [t('reports.pdf.people'), t('locale.count', { count: totals.people })],
      [t('reports.pdf.dateUncertain'), t('locale.count', { count: totals.uncertain })],
      [t('reports.pdf.charges'), t('locale.count', { count: totals.charges })],
      [t('reports.pdf.arrestDays'), t('locale.count', { count: totals.arrestDays })],
      [t('reports.pdf.fines'), t('locale.count', { count: panels.money.fines })],
      [t('reports.pdf.sourcesCount'), t('locale.count', { count: totals.sources })],
    ],
    breakdowns: [
      { title: t('reports.pdf.byCity'), lines: cityLines(t, data, names) },
      { title: t('reports.pdf.byCharge'), lines: panels.byCharge.map((c) => [chargeBarLabel(t, c), c.count]) },
      { title: t('reports.pdf.byOutcome'), lines: panels.byOutcome.map((o) => [t(`enums.chargeOutcome.${o.outcome}`), o.count]) },
      { title: t('reports.pdf.byPenalty'), lines: panels.byPenalty.map((p) => [t(`enums.penaltyKind.${p.kind}`), p.count]) },
      {
        title: t('reports.pdf.money'),
        lines: [
          ...panels.money.byCurrency.map((c) => [`${formatAmount(t, c.total)} ${c.unit}`, c.count]),
          ...(panels.money.tengeComputedFrom.kzt + panels.money.tengeComputedFrom.mci > 0
            ? [[`${t('reports.pdf.moneyComputed')}: ${formatAmount(t, panels.money.tengeComputed)} KZT`, panels.money.tengeComputedFrom.kzt + panels.money.tengeComputedFrom.mci]]
            : []),
        ],
      },
    ].filter((b) => b.lines.length > 0) as { title: string; lines: [string, number][] }[],
    chartsTitle: t('reports.pdf.chartsTitle'),
    charts: [...reportCharts(t, data, names), ...(await dashboardCharts(t, actor, filters, data, names))],
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
    notesLabel: t('reports.pdf.publicNotes'),
    internalNotesLabel: t('reports.pdf.internalNotes'),
    rows: tableRows(t, data, names),
    methodologyTitle: t('reports.pdf.methodologyTitle'),
    methodology: t('reports.pdf.methodology'),
    pageLabel: (page, pages) => t('reports.pdf.page', { page, pages }),
  });
  await finishExportLog(logId, data.rows.length, true);
  const fileName = reportFileName({ election: election?.name, from: filters.from ?? totals.first, to: filters.to ?? totals.last, now });
  return { bytes, rowCount: data.rows.length, version, fileName, stamped };
}

/**
 * The one-record PDF of detention `id` as `actor` may see it (null when the case page would not show
 * it): its fields, public notes, internal notes only when asked for and allowed, sources in full.
 */
export async function generateRecordReport(
  actor: Actor,
  id: number,
  { t, locale = 'en', origin, now = new Date(), internalNotes = false }: { t: Translate; locale?: Locale; origin: string; now?: Date; internalNotes?: boolean },
) {
  const row = await getRecordReportRow(actor, id, { origin, internalNotes });
  if (!row) return null;
  const vocab = await listVocabulary();
  const names = vocabularyNames(vocab, locale);
  const version = hashDataset(await datasetEntries(actor, {}, { id }));
  const stamps = [...stampsOf(t, row), ...(row.internalNotes ? [t('reports.pdf.stamp.internal')] : [])];
  const meta = fileMetadata(version, { filters: [], now });
  const title = t('reports.record.title', { name: row.activist });
  const bytes = await buildRecordPdf({
    meta: {
      title,
      lang: locale,
      subject: t('reports.pdf.subject'),
      keywords: t('reports.pdf.keywords'),
      now,
      info: { DatasetVersion: meta.datasetVersion, DatasetSHA256: meta.datasetSha256, Rows: '1', GeneratedUTC: meta.generatedUtc, AppVersion: meta.appVersion },
      aboutTitle: t('reports.pdf.aboutTitle'),
      about: [
        [t('reports.pdf.datasetVersion'), t('reports.pdf.datasetVersionValue', { short: version.short, sha256: version.sha256 })],
        [t('reports.pdf.generatedUtc'), meta.generatedUtc],
        [t('reports.pdf.appVersion'), APP_VERSION],
      ],
      warning: stamps.length ? t('reports.record.warning') : null,
    },
    title,
    generated: t('reports.pdf.generated', { at: now.toISOString().slice(0, 16).replace('T', ' ') }),
    fields: [
      [t('reports.pdf.colActivist'), row.activistCyrillic ? `${row.activist} (${row.activistCyrillic})` : row.activist],
      [t('reports.pdf.colCity'), showPlace(t, names.where(row))],
      [t('reports.pdf.colDetained'), detainedText(t, row.detained)],
      [t('reports.pdf.colCharge'), row.charges.length ? row.charges.map((c) => chargeText(t, c)).join('\n') : t('dashboard.noArticle')],
      [t('reports.pdf.colSentence'), penaltiesText(t, row.charges)],
      [t('reports.pdf.colPlea'), t(`enums.plea.${row.plea}`)],
    ],
    stamps,
    notesLabel: t('reports.pdf.publicNotes'),
    notes: row.publicNotes,
    internalNotesLabel: t('reports.pdf.internalNotes'),
    internalNotes: row.internalNotes,
    sourcesTitle: t('reports.record.sourcesTitle'),
    noSources: t('reports.record.noSources'),
    sources: row.sources.map((s) => sourceInFull(t, s)),
    linkLabel: t('reports.record.link'),
    link: row.link,
    pageLabel: (page, pages) => t('reports.pdf.page', { page, pages }),
  });
  return { bytes, version, fileName: recordFileName({ id, detained: row.detained.earliest ?? row.detained.latest, now }) };
}
