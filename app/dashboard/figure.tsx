import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { fluidSvg } from '@/lib/dashboard/charts';
import type { ChartPanel } from './chart-set';
import { ChartFigure } from './chart-figure';

export type RankRow = { key: string; label: string; count: number; href: string | null; note?: string };

/** The download route's URL for a chart of this view ("/dashboard/chart/timeline.csv?city=3"). */
export const chartFileHref = (id: string, format: 'svg' | 'png' | 'csv', view: string) => `/dashboard/chart/${id}.${format}${view}`;

/**
 * A chart with its text summary, its downloads (SVG, PNG, its data as CSV) and, folded, the same
 * numbers as a table (keyboards, screen readers). Drawn twice, wide and narrow: CSS shows the one
 * that fits the column, so its text stays readable from 320 px up. A chart with nothing to draw
 * says so instead of showing an empty frame.
 */
export function Figure({ id, panel, view, summary, headingLevel = 3, children }: { id: string; panel: ChartPanel; view: string; summary: string; headingLevel?: 2 | 3; children: ReactNode }) {
  const t = useTranslations('dashboardView');
  const tDashboard = useTranslations('dashboard');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { chart, title } = panel;
  return (
    <figure className="panel chart-panel" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{title}</Heading>
      {chart.empty ? (
        <p className="chart-empty">{t('chartEmpty')}</p>
      ) : (
        <div className="chart-box">
          <ChartFigure className="chart chart-wide" svg={fluidSvg(chart.svg)} links={chart.links} label={summary} />
          {chart.narrow && <ChartFigure className="chart chart-narrow" svg={fluidSvg(chart.narrow)} links={chart.links} label={summary} />}
        </div>
      )}
      <figcaption className="hint">{summary}</figcaption>
      {!chart.empty && (
        <p className="downloads">
          <span>{t('download')}</span>{' '}
          <a href={chartFileHref(id, 'png', view)} download aria-label={t('downloadAs', { format: 'PNG', title })}>
            PNG
          </a>{' '}
          <a href={chartFileHref(id, 'svg', view)} download aria-label={t('downloadAs', { format: 'SVG', title })}>
            SVG
          </a>{' '}
          <a href={chartFileHref(id, 'csv', view)} download aria-label={t('downloadData', { title })}>
            {t('dataCsv')}
          </a>
        </p>
      )}
      {!chart.empty && (
        <details>
          <summary>{tDashboard('dataTable')}</summary>
          {children}
        </details>
      )}
    </figure>
  );
}

/** A ranking as a table: each row links to the case list filtered to it, where the list can say so. */
export function RankTable({ caption, rows, itemLabel, countLabel }: { caption: string; rows: RankRow[]; itemLabel: string; countLabel: string }) {
  const format = useFormatter();
  return (
    <table>
      <caption className="hint">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{itemLabel}</th>
          <th scope="col">{countLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>
              {r.href ? <Link href={r.href}>{r.label}</Link> : r.label}
              {r.note && <div className="hint">{r.note}</div>}
            </td>
            <td>{format.number(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Almaty (12); Astana (9); …", or "none". */
export function topOf(t: (key: string, values?: Record<string, string | number>) => string, rows: { label: string; count: number }[]) {
  return rows.length ? rows.slice(0, 3).map((r) => t('dashboard.topItem', { label: r.label, count: r.count })).join('; ') : t('dashboard.none');
}
