import Link from 'next/link';
import { useFormatter } from 'next-intl';
import type { ReactNode } from 'react';
import type { Chart } from '@/lib/dashboard/charts';
import { ChartFigure } from './chart-figure';

export type RankRow = { key: string; label: string; count: number; href: string | null; note?: string };

/** A chart with its text summary and, folded, the same numbers as a table (keyboards, screen readers). */
export function Figure({ id, title, chart, summary, dataLabel, children }: { id: string; title: string; chart: Chart; summary: string; dataLabel: string; children: ReactNode }) {
  return (
    <figure className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ChartFigure svg={chart.svg} links={chart.links} label={summary} />
      <figcaption className="hint">{summary}</figcaption>
      <details>
        <summary>{dataLabel}</summary>
        {children}
      </details>
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
