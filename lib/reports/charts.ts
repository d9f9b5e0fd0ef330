/**
 * The report's charts, drawn on the server as SVG with Apache ECharts. Kept apart from the PDF
 * builder (which takes any `{ title, svg }`), so other chart sources can replace this one.
 * @see https://echarts.apache.org/handbook/en/how-to/cross-platform/server/
 */
import * as echarts from 'echarts';

/** `alt`: the chart in words (its figures), read out in place of the drawing. */
export type ReportChart = { title: string; svg: string; alt?: string };
export type Tally = { label: string; count: number };

export const CHART_WIDTH = 495;
const MAX_BARS = 12;

/** The largest `max - 1` tallies, the rest summed under `otherLabel`. */
export function topTallies(tallies: Tally[], otherLabel: string, max = MAX_BARS): Tally[] {
  const sorted = [...tallies].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  if (sorted.length <= max) return sorted;
  const rest = sorted.slice(max - 1).reduce((sum, t) => sum + t.count, 0);
  return [...sorted.slice(0, max - 1), { label: otherLabel, count: rest }];
}

/** A horizontal bar chart as an SVG string: long labels (charges, cities) stay readable. */
export function barChartSvg(tallies: Tally[], { width = CHART_WIDTH, fontFamily = 'DejaVu Sans' } = {}): string {
  const rows = [...tallies].reverse();
  const height = Math.max(120, rows.length * 26 + 50);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily, fontSize: 10 },
      // Labels are measured here without the PDF's font, so leave them room by their length.
      grid: { left: Math.min(190, 12 + 6.5 * Math.max(0, ...rows.map((r) => r.label.length))), right: 40, top: 10, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333' } },
      yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { color: '#111', width: 175, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#2b5c8a' }, label: { show: true, position: 'right', color: '#111' } }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A chart's alt text: its title and every bar's label and count. */
export function tallyAlt(title: string, tallies: Tally[]): string {
  return `${title}: ${tallies.map((t) => `${t.label} ${t.count}`).join('; ')}.`;
}

/** The report's two charts: detentions by city and by charge. */
export function renderReportCharts(
  data: { byCity: Tally[]; byCharge: Tally[] },
  labels: { byCity: string; byCharge: string; other: string },
): ReportChart[] {
  return [
    { title: labels.byCity, svg: barChartSvg(topTallies(data.byCity, labels.other)), alt: tallyAlt(labels.byCity, topTallies(data.byCity, labels.other)) },
    { title: labels.byCharge, svg: barChartSvg(topTallies(data.byCharge, labels.other)), alt: tallyAlt(labels.byCharge, topTallies(data.byCharge, labels.other)) },
  ].filter((_, i) => (i === 0 ? data.byCity.length : data.byCharge.length) > 0);
}
