import 'server-only';
import type * as echarts from 'echarts';
import { drawSvg } from './chart-renderer';

/**
 * Charts drawn by Apache ECharts on the server as SVG: no charting code is sent to the browser
 * (a 4 kB ECharts runtime makes the marks clickable), and the same SVG can go into a PDF report.
 * Colours are Okabe and Ito's palette, told apart with every common colour-vision deficiency,
 * darkened where a colour had less than 3:1 contrast against white (WCAG 1.4.11): orange #E69F00
 * (2.3:1) → #B07800 (3.8:1), reddish purple #CC79A7 → #B8608F (4.1:1), sky blue #56B4E9 →
 * #2B8CC4 (3.7:1), yellow #F0E442 (1.3:1) → olive #8C7A00 (4.3:1).
 */
export const PALETTE = ['#0072B2', '#B07800', '#009E73', '#B8608F', '#2B8CC4', '#D55E00', '#8C7A00', '#000000'];

/** The width the narrow variant of a chart is drawn at (phones: 320–600 px containers). */
export const NARROW_WIDTH = 320;

/** A chart's numbers as a table: the CSV download. First column the category, then one per series. */
export type ChartTable = { columns: string[]; rows: (string | number)[][] };

export type Chart = {
  svg: string;
  /** The same chart drawn for a narrow container: larger type relative to its width, fewer labels. */
  narrow?: string;
  /** For each series, for each data point: the case list it opens (null: not clickable). */
  links: (string | null)[][];
  /** Its numbers, for the CSV download (column names are filled in by whoever names the values). */
  table: ChartTable;
  /** Nothing to draw: every value is zero, or there are no categories. */
  empty: boolean;
};

function render(option: echarts.EChartsCoreOption, width: number, height: number, fontSize = 12): Promise<string> {
  return drawSvg(
    {
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'system-ui, sans-serif', fontSize },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      ...option,
    },
    width,
    height,
  );
}

/** Height a plain (wrapping) legend takes at this width: rows of items, each about 7 px a character plus its mark. */
function legendHeight(names: string[], width: number, fontSize: number, always = false): number {
  if (names.length === 0 || (names.length === 1 && !always)) return 0;
  const room = width - 16;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const w = name.length * fontSize * 0.6 + 40;
    if (used > 0 && used + w > room) {
      rows += 1;
      used = 0;
    }
    used += w;
  }
  return rows * (fontSize + 10) + 6;
}

/** A legend where it tells series apart (or, `always`, names the only one: the timeline's election). */
const legend = (names: string[], always = false) => (names.length > 1 || (always && names.length) ? { top: 0, left: 8, type: 'plain' as const, itemGap: 14 } : { show: false });

function tableOf(categories: string[], series: { name: string; values: number[] }[]): ChartTable {
  return { columns: ['', ...series.map((s) => s.name)], rows: categories.map((c, i) => [c, ...series.map((s) => s.values[i] ?? 0)]) };
}

const isEmpty = (series: { values: number[] }[]) => !series.some((s) => s.values.some((v) => v !== 0));

export type Bar = { label: string; value: number; href: string | null };

/** Narrow variants use this type size: about 12 px on a 300 px wide phone column. */
const NARROW_FONT = 13;

/** The most lines a bar label wraps to. */
const MAX_LABEL_LINES = 4;
/** Lines a label wraps to in `width` px (about 0.6 em a character), at most MAX_LABEL_LINES. */
const labelLines = (label: string, width: number, fontSize: number) => Math.min(MAX_LABEL_LINES, Math.max(1, Math.ceil((label.length * fontSize * 0.6) / width)));
/** A label longer than MAX_LABEL_LINES lines is shortened with an ellipsis (the data table beside the chart has it in full). */
const fitLabel = (label: string, width: number, fontSize: number) => {
  const room = Math.floor((MAX_LABEL_LINES * width) / (fontSize * 0.6)) - 1;
  return label.length > room ? `${label.slice(0, room).trimEnd()}…` : label;
};

/** A horizontal bar chart, largest at the top. Long labels wrap onto up to four lines (rows grow to fit); only a longer one is shortened. */
export async function barChart(bars: Bar[], { width = 560, title = '', labelRoom = 0, valueName = '' } = {}): Promise<Chart> {
  const shown = bars.slice(0, 15).reverse();
  const draw = (w: number, narrow: boolean) => {
    const fontSize = narrow ? NARROW_FONT : 12;
    const labelWidth = narrow ? 150 : 220;
    const labels = shown.map((b) => fitLabel(b.label, labelWidth, fontSize));
    // Every row is as tall as the longest label needs (at least two lines on phones, where most wrap).
    const lines = Math.max(narrow ? 2 : 1, ...labels.map((l) => labelLines(l, labelWidth, fontSize)));
    const row = lines === 1 ? 24 : lines * (fontSize + 4) + 6;
    return render(
      {
        aria: { enabled: true, label: { description: title } },
        // labelRoom: extra space where the SVG is drawn with a wider font than it was measured in (PDF).
        grid: { left: 8 + labelRoom, right: narrow ? 32 : 24, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'category', data: labels, axisLabel: { width: labelWidth, overflow: 'break', lineHeight: fontSize + 3 } },
        series: [{ type: 'bar', data: shown.map((b) => b.value), label: { show: true, position: 'right' }, cursor: 'pointer' }],
      },
      w,
      Math.max(120, 40 + shown.length * row),
      fontSize,
    );
  };
  const values = bars.map((b) => b.value);
  // Wide and narrow drawn together (in the chart worker, lib/dashboard/chart-renderer.ts).
  const [svg, narrow] = await Promise.all([draw(width, false), draw(NARROW_WIDTH, true)]);
  return {
    svg,
    narrow,
    links: [shown.map((b) => b.href)],
    table: tableOf(bars.map((b) => b.label), [{ name: valueName, values }]),
    empty: isEmpty([{ values }]),
  };
}

/** A vertical bar chart in the given order (a distribution). */
export async function columnChart(bars: Bar[], { width = 560, title = '', xName = '', valueName = '' } = {}): Promise<Chart> {
  const draw = (w: number, narrow: boolean) =>
    render(
      {
        aria: { enabled: true, label: { description: title } },
        xAxis: { type: 'category', data: bars.map((b) => b.label), name: xName, nameLocation: 'middle', nameGap: narrow ? 40 : 28, axisLabel: { hideOverlap: true, rotate: narrow && bars.length > 5 ? 45 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        grid: { left: 8, right: 16, top: 24, bottom: narrow ? 48 : 36, containLabel: true },
        series: [{ type: 'bar', data: bars.map((b) => b.value), cursor: 'pointer' }],
      },
      w,
      narrow ? 280 : 260,
      narrow ? NARROW_FONT : 12,
    );
  const values = bars.map((b) => b.value);
  // Wide and narrow drawn together (in the chart worker, lib/dashboard/chart-renderer.ts).
  const [svg, narrow] = await Promise.all([draw(width, false), draw(NARROW_WIDTH, true)]);
  return {
    svg,
    narrow,
    links: [bars.map((b) => b.href)],
    table: tableOf(bars.map((b) => b.label), [{ name: valueName, values }]),
    empty: isEmpty([{ values }]),
  };
}

export type Stack = { name: string; values: { value: number; href: string | null }[] };

const stackValues = (stacks: Stack[]) => stacks.map((s) => ({ name: s.name, values: s.values.map((v) => v.value) }));

/** Stacked columns: one column per category, one colour per stack (plea against outcome). */
export async function stackedChart(categories: string[], stacks: Stack[], { width = 560, title = '' } = {}): Promise<Chart> {
  const names = stacks.map((s) => s.name);
  const draw = (w: number, narrow: boolean) => {
    const fontSize = narrow ? NARROW_FONT : 12;
    const top = legendHeight(names, w, fontSize) + 16;
    return render(
      {
        aria: { enabled: true, label: { description: title } },
        legend: legend(names),
        grid: { left: 8, right: 16, top, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, width: Math.max(48, (w - 60) / Math.max(1, categories.length) - 6), overflow: 'break' } },
        yAxis: { type: 'value', minInterval: 1 },
        series: stacks.map((s) => ({ type: 'bar', name: s.name, stack: 'all', data: s.values.map((v) => v.value), cursor: 'pointer' })),
      },
      w,
      top + 280,
      fontSize,
    );
  };
  const series = stackValues(stacks);
  // Wide and narrow drawn together (in the chart worker, lib/dashboard/chart-renderer.ts).
  const [svg, narrow] = await Promise.all([draw(width, false), draw(NARROW_WIDTH, true)]);
  return {
    svg,
    narrow,
    links: stacks.map((s) => s.values.map((v) => v.href)),
    table: tableOf(categories, series),
    empty: isEmpty(series),
  };
}

export type Line = { name: string; points: { value: number; href: string | null }[] };

/** Detentions over days relative to election day, one line per election, election day marked. */
export async function timelineChart(
  axis: string[],
  lines: Line[],
  { width = 900, title = '', electionDayLabel = '', electionDayIndex = 0, bars = false, height = 320 } = {},
): Promise<Chart> {
  const names = lines.map((l) => l.name);
  const draw = (w: number, narrow: boolean) => {
    const fontSize = narrow ? NARROW_FONT : 12;
    const top = legendHeight(names, w, fontSize, true) + 16;
    return render(
      {
        aria: { enabled: true, label: { description: title } },
        legend: legend(names, true),
        grid: { left: 8, right: narrow ? 16 : 24, top, bottom: 8, containLabel: true },
        // Wide: every tenth day (every week for weekly bars); narrow: as many as fit without overlap.
        xAxis: { type: 'category', data: axis, axisLabel: narrow ? { hideOverlap: true } : { interval: bars ? 0 : 9, hideOverlap: true } },
        yAxis: { type: 'value', minInterval: 1 },
        series: lines.map((line, i) => ({
          type: bars ? 'bar' : 'line',
          name: line.name,
          data: line.points.map((p) => p.value),
          // A mark only where something happened: no row of dots along zero.
          symbolSize: (value: number) => (value > 0 ? (narrow ? 6 : 5) : 0),
          lineStyle: { width: 2 },
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
      w,
      narrow ? Math.max(height, 260) + top - 24 : height + top - 24,
      fontSize,
    );
  };
  const series = lines.map((l) => ({ name: l.name, values: l.points.map((p) => p.value) }));
  // Wide and narrow drawn together (in the chart worker, lib/dashboard/chart-renderer.ts).
  const [svg, narrow] = await Promise.all([draw(width, false), draw(NARROW_WIDTH, true)]);
  return {
    svg,
    narrow,
    links: lines.map((line) => line.points.map((p) => p.href)),
    table: tableOf(axis, series),
    empty: isEmpty(series),
  };
}

/**
 * Horizontal bars split into stacks (charges: legal basis stated by the source, inferred by the
 * monitor, none), largest at the top; `labels` and each stack's values in the same order.
 */
export async function stackedBarChart(labels: string[], stacks: Stack[], { width = 720, title = '' } = {}): Promise<Chart> {
  const shown = labels.slice(0, 15);
  const order = shown.map((_, i) => shown.length - 1 - i);
  const names = stacks.map((s) => s.name);
  const draw = (w: number, narrow: boolean) => {
    const fontSize = narrow ? NARROW_FONT : 12;
    const top = legendHeight(names, w, fontSize) + 16;
    const row = narrow ? 2 * (fontSize + 4) + 6 : 26;
    return render(
      {
        aria: { enabled: true, label: { description: title } },
        legend: legend(names),
        grid: { left: 8, right: 24, top, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'category', data: order.map((i) => shown[i]), axisLabel: { width: narrow ? 130 : 260, overflow: narrow ? 'break' : 'truncate', lineHeight: fontSize + 3 } },
        series: stacks.map((s) => ({ type: 'bar', name: s.name, stack: 'all', data: order.map((i) => s.values[i]?.value ?? 0), cursor: 'pointer' })),
      },
      w,
      Math.max(140, top + 40 + shown.length * row),
      fontSize,
    );
  };
  const series = stackValues(stacks);
  // Wide and narrow drawn together (in the chart worker, lib/dashboard/chart-renderer.ts).
  const [svg, narrow] = await Promise.all([draw(width, false), draw(NARROW_WIDTH, true)]);
  return {
    svg,
    narrow,
    links: stacks.map((s) => order.map((i) => s.values[i]?.href ?? null)),
    table: tableOf(labels, series),
    empty: isEmpty(series),
  };
}

/**
 * The SVG sized to its container: the viewBox keeps the drawing's proportions, width 100% fills the
 * column (the page), where ECharts wrote fixed pixel sizes (kept for files and the PDF).
 */
export function fluidSvg(svg: string): string {
  const tag = svg.match(/^<svg[^>]*>/)?.[0];
  if (!tag) return svg;
  const w = tag.match(/\swidth="([\d.]+)"/)?.[1];
  const h = tag.match(/\sheight="([\d.]+)"/)?.[1];
  if (!w || !h) return svg;
  let fluid = tag.replace(/\swidth="[\d.]+"/, ' width="100%"').replace(/\sheight="[\d.]+"/, '');
  if (!/\sviewBox=/.test(fluid)) fluid = fluid.replace(/^<svg/, `<svg viewBox="0 0 ${w} ${h}"`);
  return fluid + svg.slice(tag.length);
}
