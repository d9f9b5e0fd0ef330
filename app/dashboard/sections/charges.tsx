import { getTranslations } from 'next-intl/server';
import { chargeOutcome, plea } from '@/db/schema';
import { barChart, stackedBarChart, stackedChart } from '@/lib/dashboard/charts';
import { chargeBarLabel } from '@/lib/dashboard/labels';
import { legalBasisText } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { Figure, RankTable, topOf } from '../figure';
import type { SectionProps } from './types';

/** What people were charged with, one count per charge, and how each charge ended. */
export async function ChargesSection({ data, cases }: SectionProps) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const table = { itemLabel: t('dashboard.item'), countLabel: t('dashboard.charges') };
  const bars = data.byCharge.map((c) => ({ ...c, label: chargeBarLabel(t, c), href: c.chargeId ? cases({ charge: c.chargeId }) : null }));
  const byCharge = stackedBarChart(
    bars.map((b) => b.label),
    [
      { name: t('dashboard.basisStated'), values: bars.map((b) => ({ value: b.stated, href: b.href })) },
      { name: t('dashboard.basisInferred'), values: bars.map((b) => ({ value: b.inferred, href: b.href })) },
      { name: t('dashboard.basisNone'), values: bars.map((b) => ({ value: b.none, href: null })) },
    ],
    { title: t('dashboard.byChargeTitle') },
  );
  const outcomes = barChart(
    data.byOutcome.map((o) => ({ label: t(`enums.chargeOutcome.${o.outcome}`), value: o.count, href: cases({ outcome: o.outcome }) })),
    { title: t('dashboard.byOutcomeTitle') },
  );
  const outcomesPresent = chargeOutcome.enumValues.filter((o) => data.pleaOutcome.some((p) => p.outcome === o));
  const pleaOutcome = stackedChart(
    plea.enumValues.map((p) => t(`enums.plea.${p}`)),
    outcomesPresent.map((o) => ({
      name: t(`enums.chargeOutcome.${o}`),
      values: plea.enumValues.map((p) => ({ value: data.pleaOutcome.find((r) => r.plea === p && r.outcome === o)?.count ?? 0, href: cases({ plea: p, outcome: o }) })),
    })),
    { title: t('dashboard.pleaOutcomeTitle') },
  );
  const notGuilty = data.pleaOutcome.filter((p) => p.plea === 'not_guilty');
  return (
    <section aria-labelledby="what-heading">
      <h2 id="what-heading">{t('dashboard.whatFor')}</h2>
      <Figure
        id="charges"
        title={t('dashboard.byChargeTitle')}
        chart={byCharge}
        dataLabel={t('dashboard.dataTable')}
        summary={t('dashboard.byChargeSummary', { top: topOf(t, bars.map((b) => ({ label: b.label, count: b.count }))) })}
      >
        <RankTable
          caption={t('dashboard.byChargeTitle')}
          {...table}
          rows={bars.map((b) => ({
            key: `${b.chargeId}:${b.part}:${b.textOnly}`,
            label: b.name ? `${b.label}: ${names.charge(b.name)}` : b.label,
            count: b.count,
            href: b.href,
            note: b.chargeId ? t('dashboard.chargeSplit', { stated: b.stated, inferred: b.inferred }) : undefined,
          }))}
        />
      </Figure>
      <div className="two">
        <div className="panel">
          <h3>{t('dashboard.byLegalBasisTitle')}</h3>
          <RankTable
            caption={t('dashboard.byLegalBasisTitle')}
            {...table}
            rows={data.byArticle.map((a) => ({ key: String(a.chargeId), label: `${legalBasisText(t, { legalBasis: a.legalBasis, part: null })}: ${names.charge(a.name)}`, count: a.count, href: cases({ charge: a.chargeId }), note: t('dashboard.chargeSplit', { stated: a.stated, inferred: a.inferred }) }))}
          />
        </div>
        <Figure id="outcomes" title={t('dashboard.byOutcomeTitle')} chart={outcomes} dataLabel={t('dashboard.dataTable')} summary={t('dashboard.rankSummary', { top: topOf(t, data.byOutcome.map((o) => ({ label: t(`enums.chargeOutcome.${o.outcome}`), count: o.count }))) })}>
          <RankTable caption={t('dashboard.byOutcomeTitle')} {...table} rows={data.byOutcome.map((o) => ({ key: o.outcome, label: t(`enums.chargeOutcome.${o.outcome}`), count: o.count, href: cases({ outcome: o.outcome }) }))} />
        </Figure>
        <Figure
          id="plea"
          title={t('dashboard.pleaOutcomeTitle')}
          chart={pleaOutcome}
          dataLabel={t('dashboard.dataTable')}
          summary={t('dashboard.pleaSummary', { notGuilty: notGuilty.reduce((a, p) => a + p.count, 0), acquitted: notGuilty.filter((p) => p.outcome === 'acquitted').reduce((a, p) => a + p.count, 0) })}
        >
          <RankTable
            caption={t('dashboard.pleaOutcomeTitle')}
            {...table}
            rows={data.pleaOutcome.map((p) => ({ key: `${p.plea}-${p.outcome}`, label: `${t(`enums.plea.${p.plea}`)} → ${t(`enums.chargeOutcome.${p.outcome}`)}`, count: p.count, href: cases({ plea: p.plea, outcome: p.outcome }) }))}
          />
        </Figure>
      </div>
    </section>
  );
}
