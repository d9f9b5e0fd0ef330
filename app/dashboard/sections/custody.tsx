import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { custodyBucketLabel } from '@/lib/dashboard/labels';
import { Figure, RankTable } from '../figure';
import type { SectionProps } from './types';

/** Where people stand today, each figure opening the case list's custody filter, and days served. */
export async function CustodySection({ data, cases, charts, view }: SectionProps) {
  const t = await getTranslations();
  const { custody } = data;
  const figures = [
    { key: 'held', label: t('dashboard.custodyHeld'), count: custody.held },
    { key: 'missing', label: t('dashboard.custodyMissing'), count: custody.missing },
    { key: 'hearing_soon', label: t('dashboard.custodyHearings'), count: custody.hearingSoon },
    { key: 'released', label: t('dashboard.custodyReleased'), count: custody.released },
  ] as const;
  return (
    <section aria-labelledby="custody-heading">
      <h2 id="custody-heading">{t('dashboard.custody')}</h2>
      <p className="hint">{t('dashboard.custodyAsOf', { today: data.today })}</p>
      <dl className="figures">
        {figures.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd>
              <Link href={cases({ custody: f.key })} aria-label={`${f.label}: ${f.count}`}>
                {t('locale.count', { count: f.count })}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <Figure id="custody-days" panel={charts['custody-days']} view={view} summary={t('dashboard.custodyDaysSummary', { count: custody.withDays, days: t('locale.count', { count: custody.totalDays }) })}>
        <RankTable
          caption={t('dashboard.custodyDaysTitle')}
          itemLabel={t('dashboard.item')}
          countLabel={t('dashboard.detentions')}
          rows={custody.days.map((d) => ({ key: String(d.upTo), label: custodyBucketLabel(t, d.upTo), count: d.count, href: null }))}
        />
      </Figure>
    </section>
  );
}
