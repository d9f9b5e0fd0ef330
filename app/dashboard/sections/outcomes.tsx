import { getTranslations } from 'next-intl/server';
import { formatAmount } from '@/lib/format';
import { DELAY_LABELS } from '../chart-set';
import { Figure, RankTable, topOf } from '../figure';
import type { SectionProps } from './types';

/** Penalties in force by kind, money per currency (never summed across currencies), arrest days, time to sentence. */
export async function OutcomesSection({ data, cases, charts, view }: SectionProps) {
  const t = await getTranslations();
  const table = { itemLabel: t('dashboard.item'), countLabel: t('dashboard.detentions') };
  const { money } = data;
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('dashboard.outcomes')}</h2>
      <div className="two">
        <Figure id="penalties" panel={charts.penalties} view={view} summary={t('dashboard.rankSummary', { top: topOf(t, data.byPenalty.map((p) => ({ label: t(`enums.penaltyKind.${p.kind}`), count: p.count }))) })}>
          <RankTable caption={t('dashboard.byPenaltyTitle')} itemLabel={t('dashboard.item')} countLabel={t('dashboard.byPenaltyTitle')} rows={data.byPenalty.map((p) => ({ key: p.kind, label: t(`enums.penaltyKind.${p.kind}`), count: p.count, href: cases({ penalty: p.kind }) }))} />
        </Figure>
        <div className="panel" role="group" aria-labelledby="money-title">
          <h3 id="money-title">{t('dashboard.moneyTitle')}</h3>
          <p>{t('dashboard.moneyIntro', { count: money.fines })}</p>
          {money.byCurrency.length > 0 && (
            <table>
              <caption className="hint">{t('dashboard.moneyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.moneyUnit')}</th>
                  <th scope="col">{t('dashboard.moneyCount')}</th>
                  <th scope="col">{t('dashboard.moneyTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {money.byCurrency.map((c) => (
                  <tr key={c.unit}>
                    <td>{t(`enums.penaltyUnit.${c.unit}`)}</td>
                    <td>{c.count}</td>
                    <td>
                      {formatAmount(t, c.total)} {c.unit}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {money.amountNotStated > 0 && <p className="hint">{t('dashboard.moneyAmountNotStated', { count: money.amountNotStated })}</p>}
          {money.tengeComputedFrom.kzt + money.tengeComputedFrom.mci > 0 && (
            <>
              <p>
                <strong>{t('dashboard.moneyComputed', { total: formatAmount(t, money.tengeComputed) })}</strong>
              </p>
              <p className="hint">{t('dashboard.moneyComputedHow', money.tengeComputedFrom)}</p>
            </>
          )}
          {money.mciNotConverted.noYear + money.mciNotConverted.noValue > 0 && <p className="hint">{t('dashboard.moneyNotConverted', money.mciNotConverted)}</p>}
        </div>
        <Figure id="arrest" panel={charts.arrest} view={view} summary={t('dashboard.arrestSummary', { total: t('locale.count', { count: data.totals.arrestDays }) })}>
          <RankTable caption={t('dashboard.arrestDaysTitle')} {...table} rows={data.arrestDays.map((a) => ({ key: String(a.days), label: t('dashboard.nDays', { count: a.days }), count: a.count, href: null }))} />
        </Figure>
        <Figure id="delay" panel={charts.delay} view={view} summary={t('dashboard.delaySummary')}>
          <RankTable caption={t('dashboard.delayTitle')} {...table} rows={data.delay.map((d) => ({ key: String(d.bucket), label: t('dashboard.delayBucket', { days: DELAY_LABELS[d.bucket] ?? String(d.bucket) }), count: d.count, href: null }))} />
        </Figure>
      </div>
    </section>
  );
}
