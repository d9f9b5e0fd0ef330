import 'server-only';
import * as echarts from 'echarts';

/**
 * Charts drawn by Apache ECharts on the server as SVG: no charting code is sent to the browser
 * (a 4 kB ECharts runtime makes the marks clickable), and the same SVG can go into a PDF report.
 * Colours are Okabe and Ito's palette, told apart with every common colour-vision deficiency.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export type Chart = {
  svg: string;
  /** For each series, for each data point: the case list it opens (null: not clickable). */
  links: (string | null)[][];
};

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 12 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export type Bar = { label: string; value: number; href: string | null };

/** A horizontal bar chart, largest at the top. */
export function barChart(bars: Bar[], { width = 560, title = '', labelRoom = 0 } = {}): Chart {
  const shown = bars.slice(0, 15).reverse();
  const height = Math.max(120, 36 + shown.length * 24);
  return {
    svg: render(
      {
        aria: { enabled: true, label: { description: title } },
        // labelRoom: extra space where the SVG is drawn with a wider font than it was measured in (PDF).
        grid: { left: 8 + labelRoom, right: 24, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: shown.map((b) => b.label), axisLabel: { width: 220, overflow: 'truncate' } },
        series: [{ type: 'bar', data: shown.map((b) => b.value), label: { show: true, position: 'right' }, cursor: 'pointer' }],
      },
      width,
      height,
    ),
    links: [shown.map((b) => b.href)],
  };
}

/** A vertical bar chart in the given order (a distribution). */
export function columnChart(bars: Bar[], { width = 560, title = '', xName = '' } = {}): Chart {
  return {
    svg: render(
      {
        aria: { enabled: true, label: { description: title } },
        xAxis: { type: 'category', data: bars.map((b) => b.label), name: xName, nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'value', minInterval: 1 },
        grid: { left: 8, right: 16, top: 24, bottom: 36, containLabel: true },
        series: [{ type: 'bar', data: bars.map((b) => b.value), cursor: 'pointer' }],
      },
      width,
      260,
    ),
    links: [bars.map((b) => b.href)],
  };
}

export type Stack = { name: string; values: { value: number; href: string | null }[] };

/** Stacked columns: one column per category, one colour per stack (plea against outcome). */
export function stackedChart(categories: string[], stacks: Stack[], { width = 560, title = '' } = {}): Chart {
  return {
    svg: render(
      {
        aria: { enabled: true, label: { description: title } },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', minInterval: 1 },
        series: stacks.map((s) => ({ type: 'bar', name: s.name, stack: 'all', data: s.values.map((v) => v.value), cursor: 'pointer' })),
      },
      width,
      320,
    ),
    links: stacks.map((s) => s.values.map((v) => v.href)),
  };
}

export type Line = { name: string; points: { value: number; href: string | null }[] };

/** Detentions over days relative to election day, one line per election, election day marked. */
export function timelineChart(
  axis: string[],
  lines: Line[],
  { width = 900, title = '', electionDayLabel = '', electionDayIndex = 0, bars = false } = {},
): Chart {
  return {
    svg: render(
      {
        aria: { enabled: true, label: { description: title } },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: axis, axisLabel: { interval: bars ? 0 : 9 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: lines.map((line, i) => ({
          type: bars ? 'bar' : 'line',
          name: line.name,
          data: line.points.map((p) => p.value),
          symbolSize: 5,
          cursor: 'pointer',
          ...(i === 0
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#000', type: 'dashed' },
                  label: { formatter: electionDayLabel, position: 'end' },
                  data: [{ xAxis: electionDayIndex }],
                },
              }
            : {}),
        })),
      },
      width,
      320,
    ),
    links: lines.map((line) => line.points.map((p) => p.href)),
  };
}

/**
 * Horizontal bars split into stacks (charges: legal basis stated by the source, inferred by the
 * monitor, none), largest at the top; `labels` and each stack's values in the same order.
 */
export function stackedBarChart(labels: string[], stacks: Stack[], { width = 720, title = '' } = {}): Chart {
  const shown = labels.slice(0, 15);
  const order = shown.map((_, i) => shown.length - 1 - i);
  const height = Math.max(140, 64 + shown.length * 26);
  return {
    svg: render(
      {
        aria: { enabled: true, label: { description: title } },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: order.map((i) => shown[i]), axisLabel: { width: 260, overflow: 'truncate' } },
        series: stacks.map((s) => ({ type: 'bar', name: s.name, stack: 'all', data: order.map((i) => s.values[i]?.value ?? 0), cursor: 'pointer' })),
      },
      width,
      height,
    ),
    links: stacks.map((s) => order.map((i) => s.values[i]?.href ?? null)),
  };
}
