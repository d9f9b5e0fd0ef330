import { getTranslations } from 'next-intl/server';
import type { DashboardData } from '@/lib/dashboard/queries';

/** The view's totals, one figure each. */
export async function KeyFigures({ data }: { data: DashboardData }) {
  const t = await getTranslations();
  const number = (n: number) => t('locale.count', { count: n });
  const figures = [
    { key: 'detentions', label: t('dashboard.detentions'), value: number(data.totals.detentions) },
    { key: 'uncertain', label: t('dashboard.dateUncertain'), value: number(data.uncertain.detained) },
    { key: 'charges', label: t('dashboard.charges'), value: number(data.totals.charges) },
    { key: 'days', label: t('dashboard.detentionDays'), value: number(data.totals.arrestDays) },
    { key: 'fines', label: t('dashboard.fines'), value: t('dashboard.finesValue', { count: data.money.fines }) },
    { key: 'held', label: t('dashboard.custodyHeld'), value: number(data.custody.held) },
    { key: 'repeat', label: t('dashboard.repeatPeople'), value: number(data.repeat.people) },
    { key: 'reported', label: t('dashboard.reportedTotal'), value: data.reported.detained ? number(data.reported.detained) : t('dashboard.none') },
  ];
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('dashboard.keyFigures')}</h2>
      <dl className="figures">
        {figures.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
