/**
 * A dashboard chart as a file: the SVG as drawn (fixed size, titled, on white), a PNG of it, and
 * its numbers as CSV with the exports' formula guard. The route (app/dashboard/chart/[file]) only
 * authorises, builds the chart and calls these.
 */
import { csvField } from '@/lib/exports/cells';
import type { ChartTable } from './charts';

export const CHART_FORMATS = ['svg', 'png', 'csv'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart's SVG as a standalone file: a <title> (its name and the view), and a white background. */
export function svgFile(svg: string, title: string): string {
  const tag = svg.match(/^<svg[^>]*>/)?.[0];
  if (!tag) return svg;
  const withNs = tag.includes('xmlns=') ? tag : tag.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNs}<title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${svg.slice(tag.length)}`;
}

/**
 * The chart's numbers as CSV (UTF-8 with a BOM, CRLF, RFC 4180): the category column, then one
 * column per series; a series without a name takes `valueName`. Every text cell goes through the
 * exports' formula guard (a label starting with = + - @ is prefixed with a quote).
 */
export function csvFile(table: ChartTable, category: string, valueName: string): string {
  const header = table.columns.map((c, i) => (i === 0 ? category : c || valueName));
  const lines = [header, ...table.rows].map((row) => row.map((cell) => csvField(cell)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "dashboard_timeline_election-2021-01-10_filtered_2026-11-27.csv": which chart, which view, when. ASCII only. */
export function chartFileName(id: string, format: ChartFormat, view: { electionDay: string | null; from: string | null; to: string | null; all: boolean; filtered: boolean; today: string }): string {
  const period = view.all ? 'all-dates' : view.electionDay && !view.from && !view.to ? `election-${view.electionDay}` : `${view.from ?? 'start'}_to_${view.to ?? 'end'}`;
  return ['dashboard', id, period, ...(view.filtered ? ['filtered'] : []), view.today].join('_').replace(/[^A-Za-z0-9_.-]/g, '-') + `.${format}`;
}
