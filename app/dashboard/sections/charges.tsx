import { getTranslations } from 'next-intl/server';
import { legalBasisText } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { chargeBars } from '../chart-set';
import { Figure, RankTable, topOf } from '../figure';
import type { SectionProps } from './types';

/** What people were charged with, one count per charge, and how each charge ended. */
export async function ChargesSection({ data, params, cases, charts, view }: SectionProps) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const table = { itemLabel: t('dashboard.item'), countLabel: t('dashboard.charges') };
  const bars = chargeBars({ data, params, cases }, t);
  const notGuilty = data.pleaOutcome.filter((p) => p.plea === 'not_guilty');
  return (
    <section aria-labelledby="what-heading">
      <h2 id="what-heading">{t('dashboard.whatFor')}</h2>
      <Figure
        id="charges"
        panel={charts.charges}
        view={view}
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
        <Figure id="outcomes" panel={charts.outcomes} view={view} summary={t('dashboard.rankSummary', { top: topOf(t, data.byOutcome.map((o) => ({ label: t(`enums.chargeOutcome.${o.outcome}`), count: o.count }))) })}>
          <RankTable caption={t('dashboard.byOutcomeTitle')} {...table} rows={data.byOutcome.map((o) => ({ key: o.outcome, label: t(`enums.chargeOutcome.${o.outcome}`), count: o.count, href: cases({ outcome: o.outcome }) }))} />
        </Figure>
        <Figure
          id="plea"
          panel={charts.plea}
          view={view}
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
