import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { chargeOutcome, plea } from '@/db/schema';
import { barChart, columnChart, stackedBarChart, stackedChart, timelineChart, type Chart } from '@/lib/dashboard/charts';
import { chargeBarLabel, custodyBucketLabel } from '@/lib/dashboard/labels';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import type { RankRow } from './figure';
import type { SectionProps } from './sections/types';

/**
 * Every chart of the dashboard, built in one place from the dashboard's data: the page draws them,
 * and the download route (chart/[file]/route.ts) serves the same chart as SVG, PNG or CSV.
 */
export const CHART_IDS = ['timeline', 'weekly', 'cities', 'regions', 'charges', 'outcomes', 'plea', 'penalties', 'arrest', 'delay', 'custody-days', 'roles'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** A chart with its title and the name of its categories (the CSV's first column). */
export type ChartPanel = { title: string; chart: Chart; category: string };

type T = Awaited<ReturnType<typeof getTranslations>>;
type Names = Awaited<ReturnType<typeof getVocabularyNames>>;
type Input = Pick<SectionProps, 'data' | 'params' | 'cases'>;

export const DELAY_LABELS: Record<number, string> = { 0: '0', 1: '1', 2: '2', 3: '3–7', 8: '8–30', 31: '31+' };

export const offsetLabel = (t: T, o: number) => (o === 0 ? t('dashboard.electionDayShort') : o < 0 ? `T−${-o}` : `T+${o}`);
export const electionLabel = (names: Names, e: { name: string; heldOn: string }) => `${names.election(e.name)} (${e.heldOn})`;

/** Detentions of each election's window, grouped by week from election day (W0: election day and the six days after). */
export function weeksOf(days: { offset: number; date: string; count: number }[]) {
  const out = new Map<number, { count: number; from: string; to: string }>();
  for (const d of days) {
    const week = Math.floor(d.offset / 7);
    const w = out.get(week) ?? { count: 0, from: d.date, to: d.date };
    out.set(week, { count: w.count + d.count, from: w.from < d.date ? w.from : d.date, to: w.to > d.date ? w.to : d.date });
  }
  return [...out.entries()].sort(([a], [b]) => a - b);
}

/** Only the detention axis is one the case list can filter by. */
export const dayLinker = ({ params, cases }: Pick<Input, 'params' | 'cases'>) => (from: string, to: string) => (params.axis === 'detained' ? cases({ from, to }) : null);

export function cityRows({ data, cases }: Input, t: T, names: Names): RankRow[] {
  return [
    ...data.byPlace.map((p) => ({ key: String(p.placeId), label: names.place(p.name), count: p.count, href: cases({ city: p.placeId }) })),
    ...(data.placeNotStated ? [{ key: 'not-stated', label: t('dashboard.placeNotStated'), count: data.placeNotStated, href: cases({ place: 'not_stated' }) }] : []),
  ].sort((a, b) => b.count - a.count);
}

export function regionRows({ data, cases }: Input, t: T, names: Names): RankRow[] {
  return [
    ...data.byRegion.map((r) => ({
      key: r.region,
      label: names.region(r.region),
      count: r.count,
      href: cases({ region: r.region }),
      note: r.regionOnly ? t('dashboard.regionOnlyNote', { count: r.regionOnly }) : undefined,
    })),
    // The case list has no "no region" filter; this bar opens no list.
    ...(data.regionNotStated ? [{ key: 'not-stated', label: t('dashboard.regionNotStated'), count: data.regionNotStated, href: null }] : []),
  ].sort((a, b) => b.count - a.count);
}

export function chargeBars({ data, cases }: Input, t: T) {
  return data.byCharge.map((c) => ({ ...c, label: chargeBarLabel(t, c), href: c.chargeId ? cases({ charge: c.chargeId }) : null }));
}

/**
 * Charts already drawn, per data object: lib/dashboard/cache.ts hands out the same object for a
 * view until the data changes, so a chart set lives exactly as long as its numbers (then the
 * WeakMap lets it go). Drawing is the page's costliest step (two SVGs per chart by ECharts), so a
 * repeated view no longer redraws. Keyed by language and by the view and link base, which shape
 * the text and the links.
 */
const drawn = new WeakMap<object, Map<string, Promise<Record<ChartId, ChartPanel>>>>();

export async function buildCharts(input: Input): Promise<Record<ChartId, ChartPanel>> {
  const key = `${await getLocale()}|${JSON.stringify(input.params)}|${input.cases({})}`;
  let forData = drawn.get(input.data);
  if (!forData) drawn.set(input.data, (forData = new Map()));
  let charts = forData.get(key);
  if (!charts) {
    charts = drawCharts(input);
    forData.set(key, charts);
    // A failed drawing is not remembered.
    charts.catch(() => forData.delete(key));
  }
  return charts;
}

/** All the dashboard's charts for this view. */
async function drawCharts(input: Input): Promise<Record<ChartId, ChartPanel>> {
  const { data, params, cases } = input;
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const detentions = t('dashboard.detentions');
  const item = t('dashboard.item');
  const dayLink = dayLinker(input);
  const daily = data.timeline[0]?.days ?? [];

  const timelineTitle = t('dashboard.timelineTitle');
  const timeline = timelineChart(
    daily.map((d) => offsetLabel(t, d.offset)),
    data.timeline.map((e) => ({ name: electionLabel(names, e), points: e.days.map((d) => ({ value: d.count, href: dayLink(d.date, d.date) })) })),
    { title: timelineTitle, electionDayLabel: t('dashboard.electionDay'), electionDayIndex: params.before, width: 1200, height: 260 },
  );
  const weekAxis = weeksOf(daily).map(([w]) => (w === 0 ? t('dashboard.electionWeek') : w < 0 ? `W${w}` : `W+${w}`));
  const weeklyTitle = t('dashboard.weeklyTitle');
  const weekly = timelineChart(
    weekAxis,
    data.timeline.map((e) => ({ name: electionLabel(names, e), points: weeksOf(e.days).map(([, w]) => ({ value: w.count, href: dayLink(w.from, w.to) })) })),
    { title: weeklyTitle, electionDayLabel: t('dashboard.electionDay'), electionDayIndex: weekAxis.indexOf(t('dashboard.electionWeek')), bars: true, height: 280 },
  );

  const bar = (title: string, rows: { label: string; count: number; href: string | null }[], valueName = detentions) =>
    barChart(rows.map((r) => ({ label: r.label, value: r.count, href: r.href })), { title, valueName });

  const bars = chargeBars(input, t);
  const byChargeTitle = t('dashboard.byChargeTitle');
  const byCharge = stackedBarChart(
    bars.map((b) => b.label),
    [
      { name: t('dashboard.basisStated'), values: bars.map((b) => ({ value: b.stated, href: b.href })) },
      { name: t('dashboard.basisInferred'), values: bars.map((b) => ({ value: b.inferred, href: b.href })) },
      { name: t('dashboard.basisNone'), values: bars.map((b) => ({ value: b.none, href: null })) },
    ],
    { title: byChargeTitle },
  );
  const outcomesPresent = chargeOutcome.enumValues.filter((o) => data.pleaOutcome.some((p) => p.outcome === o));
  const pleaTitle = t('dashboard.pleaOutcomeTitle');
  const pleaOutcome = stackedChart(
    plea.enumValues.map((p) => t(`enums.plea.${p}`)),
    outcomesPresent.map((o) => ({
      name: t(`enums.chargeOutcome.${o}`),
      values: plea.enumValues.map((p) => ({ value: data.pleaOutcome.find((r) => r.plea === p && r.outcome === o)?.count ?? 0, href: cases({ plea: p, outcome: o }) })),
    })),
    { title: pleaTitle },
  );
  const days = t('dashboard.days');
  // Every chart is drawn in the chart worker (lib/dashboard/chart-renderer.ts), one after another.
  const panel = async (title: string, chart: Promise<Chart>, category = item): Promise<ChartPanel> => ({ title, chart: await chart, category });
  const panels: Record<ChartId, Promise<ChartPanel>> = {
    timeline: panel(timelineTitle, timeline, t('dashboardView.dayRelative')),
    weekly: panel(weeklyTitle, weekly, t('dashboardView.weekRelative')),
    cities: panel(t('dashboard.byCityTitle'), bar(t('dashboard.byCityTitle'), cityRows(input, t, names))),
    regions: panel(t('dashboard.byRegionTitle'), bar(t('dashboard.byRegionTitle'), regionRows(input, t, names))),
    charges: panel(byChargeTitle, byCharge),
    outcomes: panel(
      t('dashboard.byOutcomeTitle'),
      bar(t('dashboard.byOutcomeTitle'), data.byOutcome.map((o) => ({ label: t(`enums.chargeOutcome.${o.outcome}`), count: o.count, href: cases({ outcome: o.outcome }) })), t('dashboard.charges')),
    ),
    plea: panel(pleaTitle, pleaOutcome, t('fields.plea')),
    penalties: panel(
      t('dashboard.byPenaltyTitle'),
      bar(t('dashboard.byPenaltyTitle'), data.byPenalty.map((p) => ({ label: t(`enums.penaltyKind.${p.kind}`), count: p.count, href: cases({ penalty: p.kind }) }))),
    ),
    arrest: panel(
      t('dashboard.arrestDaysTitle'),
      columnChart(data.arrestDays.map((a) => ({ label: String(a.days), value: a.count, href: cases({ penalty: 'administrative_arrest' }) })), {
        title: t('dashboard.arrestDaysTitle'),
        xName: days,
        valueName: detentions,
      }),
      days,
    ),
    delay: panel(
      t('dashboard.delayTitle'),
      columnChart(data.delay.map((d) => ({ label: DELAY_LABELS[d.bucket] ?? String(d.bucket), value: d.count, href: null })), { title: t('dashboard.delayTitle'), xName: days, valueName: detentions }),
      days,
    ),
    'custody-days': panel(
      t('dashboard.custodyDaysTitle'),
      columnChart(data.custody.days.map((d) => ({ label: custodyBucketLabel(t, d.upTo), value: d.count, href: null })), { title: t('dashboard.custodyDaysTitle'), xName: days, valueName: detentions }),
      days,
    ),
    roles: panel(
      t('dashboard.byRoleTitle'),
      bar(t('dashboard.byRoleTitle'), data.byRole.map((r) => ({ label: t(`enums.personRole.${r.role}`), count: r.count, href: cases({ role: r.role }) }))),
      t('fields.personRole'),
    ),
  };
  return Object.fromEntries(await Promise.all(CHART_IDS.map(async (id) => [id, await panels[id]] as const))) as Record<ChartId, ChartPanel>;
}
