import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { dayLinker, offsetLabel, weeksOf } from '../chart-set';
import { Figure, RankTable } from '../figure';
import type { SectionProps } from './types';

/** Detentions per week around the election and those of uncertain date (the daily timeline leads the page: main-chart.tsx). */
export async function WhenSection({ data, params, cases, charts, view }: SectionProps) {
  const t = await getTranslations();
  const number = (n: number) => t('locale.count', { count: n });
  const dayLink = dayLinker({ params, cases });
  const daily = data.timeline[0]?.days ?? [];
  const weeks = weeksOf(daily);
  const weekLabel = (w: number) => (w === 0 ? t('dashboard.electionWeek') : w < 0 ? `W${w}` : `W+${w}`);
  const uncertain = data.uncertain[params.axis];
  const table = { itemLabel: t('dashboard.item'), countLabel: t('dashboard.detentions') };
  return (
    <section aria-labelledby="when-heading">
      <h2 id="when-heading">{t('dashboard.when')}</h2>
      <p className="hint">{t(`dashboard.axisNote_${params.axis}`)}</p>
      <div className="panel" role="group" aria-labelledby="uncertain-title">
        <h3 id="uncertain-title">{t('dashboard.dateUncertain')}</h3>
        <p>
          <strong>{number(uncertain)}</strong> {t('dashboard.dateUncertainValue', { count: uncertain })}{' '}
          {params.axis === 'detained' && uncertain > 0 && <Link href={cases({ dated: 'uncertain' })}>{t('dashboard.dateUncertainLink')}</Link>}
        </p>
      </div>
      <Figure id="weekly" panel={charts.weekly} view={view} summary={t('dashboard.weeklySummary')}>
        <RankTable
          caption={charts.weekly.title}
          {...table}
          rows={weeks.map(([w, v]) => ({ key: String(w), label: `${weekLabel(w)} (${v.from} – ${v.to})`, count: v.count, href: dayLink(v.from, v.to) }))}
        />
      </Figure>
    </section>
  );
}

/** The daily timeline's summary and data table (the page's main chart). */
export async function TimelineFigure({ data, params, cases, charts, view }: SectionProps) {
  const t = await getTranslations();
  const number = (n: number) => t('locale.count', { count: n });
  const dayLink = dayLinker({ params, cases });
  const daily = data.timeline[0]?.days ?? [];
  const busiest = daily.reduce<(typeof daily)[number] | null>((a, d) => (d.count > (a?.count ?? 0) ? d : a), null);
  return (
    <Figure
      id="timeline"
      panel={charts.timeline}
      view={view}
      headingLevel={2}
      summary={
        busiest
          ? t('dashboard.timelineSummary', { total: number(daily.reduce((a, d) => a + d.count, 0)), peak: `${offsetLabel(t, busiest.offset)} (${busiest.date})` })
          : t('dashboardView.timelineEmpty')
      }
    >
      <RankTable
        caption={charts.timeline.title}
        itemLabel={t('dashboard.item')}
        countLabel={t('dashboard.detentions')}
        rows={daily.filter((d) => d.count > 0).map((d) => ({ key: d.date, label: `${offsetLabel(t, d.offset)} (${d.date})`, count: d.count, href: dayLink(d.date, d.date) }))}
      />
    </Figure>
  );
}
