import { getTranslations } from 'next-intl/server';
import type { ChargeDetail, PenaltyDetail } from '@/lib/cases/details';
import type { DateInterval } from '@/lib/dates/interval';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { formatAmount, legalBasisText, showInterval, showPenalty } from '@/lib/format';
import { penaltyYear, tengeOf } from '@/lib/money';

/**
 * A detention's charges as the source gives them: the article and part with a visible mark of
 * whether the source states it or the monitor inferred it (never shown alike), the charge in the
 * source's words, the outcome and its date, and the penalties. An MCI fine shows its tenge value
 * labelled as computed; a penalty replaced on appeal is struck through.
 */
export async function ChargeList({ charges, sentenced, mci }: { charges: ChargeDetail[]; sentenced: DateInterval; mci: ReadonlyMap<number, number> }) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  if (charges.length === 0) return <p>{t('cases.noCharges')}</p>;
  return (
    <ol className="charges">
      {charges.map((c, i) => {
        const basis = legalBasisText(t, c);
        const year = penaltyYear(c.outcomeDate, sentenced);
        return (
          <li key={i}>
            <p>
              {basis ? (
                <>
                  <strong>{basis}</strong>
                  {c.chargeName && <> — {names.charge(c.chargeName)}</>}{' '}
                  <span className={`tag ${c.basisOrigin ?? ''}`}>{t(`cases.basis.${c.basisOrigin ?? 'inferred'}`)}</span>
                </>
              ) : (
                <span className="hint">{t('cases.noArticle')}</span>
              )}
            </p>
            {c.chargeText && <p>{t('cases.asReportedQuote', { text: c.chargeText })}</p>}
            <p>
              {t('cases.outcomeLine', {
                outcome: t(`enums.chargeOutcome.${c.outcome}`),
                date: c.outcomeDate.qualifier === 'unknown' ? 'none' : showInterval(t, c.outcomeDate),
              })}
              {c.outcomeDate.asReported && <span className="hint"> ({t('dates.asReported', { text: c.outcomeDate.asReported })})</span>}
            </p>
            {c.penalties.length > 0 && (
              <ul aria-label={t('cases.penaltiesOf', { n: i + 1 })}>
                {c.penalties.map((p, j) => (
                  <li key={j}>
                    <Penalty penalty={p} all={c.penalties} year={year} mci={mci} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

async function Penalty({ penalty, all, year, mci }: { penalty: PenaltyDetail; all: PenaltyDetail[]; year: number | null; mci: ReadonlyMap<number, number> }) {
  const t = await getTranslations();
  const text = showPenalty(t, penalty);
  const tenge = penalty.unit === 'MCI' && penalty.amount !== null && year !== null ? tengeOf(penalty.amount, year, mci) : null;
  const replacement = penalty.replacedBy === null ? undefined : all[penalty.replacedBy - 1];
  return (
    <>
      {replacement ? <del>{text}</del> : text}
      {tenge !== null && <span className="hint"> {t('cases.mciComputed', { tenge: formatAmount(t, tenge), year: year! })}</span>}
      {penalty.asReported && <span className="hint"> ({t('dates.asReported', { text: penalty.asReported })})</span>}
      {replacement && <span> {t('cases.replacedBy', { penalty: showPenalty(t, replacement) })}</span>}
    </>
  );
}
