import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { listCases } from '@/lib/cases/queries';
import { custodyNow } from '@/lib/custody/timeline';
import { legalBasisText, showInterval, showPenalty, showPlace } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';

type Row = Awaited<ReturnType<typeof listCases>>['rows'][number];

/** One detention in the case list: who, where, when, the charges (stated vs inferred), outcomes, custody today. */
export async function CaseRow({ row, today }: { row: Row; today: string }) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const now = custodyNow(row, today);
  const date = { earliest: row.detainedEarliest, latest: row.detainedLatest, qualifier: row.detainedQualifier, asReported: row.detainedAsReported };
  return (
    <tr>
      <td data-label={t('fields.activist')}>
        <Link href={`/cases/${row.id}`}>{row.personName}</Link>{' '}
        {row.confidentiality === 'restricted' && <span className="tag restricted">{t('enums.confidentiality.restricted')}</span>}
        {row.deletedAt && <span className="tag restricted">{t('cases.deleted')}</span>}
      </td>
      <td data-label={t('fields.place')}>
        {showPlace(t, names.where(row))}
        {row.city && <div className="hint">{names.region(row.region)}</div>}
      </td>
      <td data-label={t('fields.detainedOn')}>
        {showInterval(t, date)}
        {row.detainedOn === null && <div className="hint">{t('dates.uncertain')}</div>}
      </td>
      <td data-label={t('fields.charges')}>
        {row.charges.length === 0 ? (
          t('cases.none')
        ) : (
          <ul className="plain">
            {row.charges.map((c, i) => {
              const basis = legalBasisText(t, c);
              return (
                <li key={i}>
                  {basis ? (
                    <>
                      {basis} <span className={`tag ${c.basisOrigin ?? ''}`}>{t(`cases.basisShort.${c.basisOrigin ?? 'inferred'}`)}</span>
                    </>
                  ) : (
                    c.chargeText
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </td>
      <td data-label={t('cases.outcomeColumn')}>
        <ul className="plain">
          {row.charges.map((c, i) => (
            <li key={i}>
              {t(`enums.chargeOutcome.${c.outcome}`)}
              {c.penalties.filter((p) => p.replacedBy === null).map((p, j) => (
                <div key={j} className="hint">
                  {showPenalty(t, p)}
                </div>
              ))}
            </li>
          ))}
        </ul>
      </td>
      <td data-label={t('fields.custody')}>
        {now.presumed ? t('cases.presumedReleasedShort') : t(`enums.custodyStatus.${now.status}`)}
        {now.days !== null && <div className="hint">{t(now.status === 'released' ? 'cases.daysHeld' : 'cases.daysRunning', { count: now.days })}</div>}
      </td>
      <td data-label={t('fields.reviewStatus')}>
        <span className={`tag ${row.reviewStatus}`}>{t(`enums.reviewStatus.${row.reviewStatus}`)}</span>
      </td>
    </tr>
  );
}
