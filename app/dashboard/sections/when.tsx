import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { timelineChart } from '@/lib/dashboard/charts';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { Figure, RankTable } from '../figure';
import type { SectionProps } from './types';

/** Detentions per day and per week around the election, on the chosen date axis, and those of uncertain date. */
export async function WhenSection({ data, params, cases }: SectionProps) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const number = (n: number) => t('locale.count', { count: n });
  const offsetLabel = (o: number) => (o === 0 ? t('dashboard.electionDayShort') : o < 0 ? `T−${-o}` : `T+${o}`);
  // Only the detention axis is one the case list can filter by.
  const dayLink = (from: string, to: string) => (params.axis === 'detained' ? cases({ from, to }) : null);
  const daily = data.timeline[0]?.days ?? [];
  const timeline = timelineChart(
    daily.map((d) => offsetLabel(d.offset)),
    data.timeline.map((e) => ({ name: `${names.election(e.name)} (${e.heldOn})`, points: e.days.map((d) => ({ value: d.count, href: dayLink(d.date, d.date) })) })),
    { title: t('dashboard.timelineTitle'), electionDayLabel: t('dashboard.electionDay'), electionDayIndex: params.before },
  );
  const weeks = (days: typeof daily) => {
    const out = new Map<number, { count: number; from: string; to: string }>();
    for (const d of days) {
      const week = Math.floor(d.offset / 7);
      const w = out.get(week) ?? { count: 0, from: d.date, to: d.date };
      out.set(week, { count: w.count + d.count, from: w.from < d.date ? w.from : d.date, to: w.to > d.date ? w.to : d.date });
    }
    return [...out.entries()].sort(([a], [b]) => a - b);
  };
  const weekAxis = weeks(daily).map(([w]) => (w === 0 ? t('dashboard.electionWeek') : w < 0 ? `W${w}` : `W+${w}`));
  const weekly = timelineChart(
    weekAxis,
    data.timeline.map((e) => ({ name: `${names.election(e.name)} (${e.heldOn})`, points: weeks(e.days).map(([, w]) => ({ value: w.count, href: dayLink(w.from, w.to) })) })),
    { title: t('dashboard.weeklyTitle'), electionDayLabel: t('dashboard.electionDay'), electionDayIndex: weekAxis.indexOf(t('dashboard.electionWeek')), bars: true },
  );
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
      <Figure
        id="timeline"
        title={t('dashboard.timelineTitle')}
        chart={timeline}
        dataLabel={t('dashboard.dataTable')}
        summary={t('dashboard.timelineSummary', {
          total: number(daily.reduce((a, d) => a + d.count, 0)),
          peak: daily.length ? offsetLabel(daily.reduce((a, d) => (d.count > a.count ? d : a), daily[0]).offset) : '—',
        })}
      >
        <RankTable
          caption={t('dashboard.timelineTitle')}
          {...table}
          rows={daily.filter((d) => d.count > 0).map((d) => ({ key: d.date, label: `${offsetLabel(d.offset)} (${d.date})`, count: d.count, href: dayLink(d.date, d.date) }))}
        />
      </Figure>
      <Figure id="weekly" title={t('dashboard.weeklyTitle')} chart={weekly} dataLabel={t('dashboard.dataTable')} summary={t('dashboard.weeklySummary')}>
        <RankTable
          caption={t('dashboard.weeklyTitle')}
          {...table}
          rows={weeks(daily).map(([w, v], i) => ({ key: String(w), label: `${weekAxis[i]} (${v.from} – ${v.to})`, count: v.count, href: dayLink(v.from, v.to) }))}
        />
      </Figure>
    </section>
  );
}
