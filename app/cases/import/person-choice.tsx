'use client';

import { useTranslations } from 'next-intl';
import type { PreviewRow } from '@/lib/imports/queries';

/** The commit form's id: the per-row choices sit in the preview table, outside it. */
export const COMMIT_FORM_ID = 'import-commit';

/**
 * The duplicate warning of one preview row: the people on record its activist likely names (why,
 * and their detentions) and the monitor's answer, posted with the commit (checked on the server).
 */
export function PersonChoiceCell({ row }: { row: PreviewRow }) {
  const t = useTranslations();
  const candidates = row.candidates ?? [];
  if (candidates.length === 0) return null;
  const id = `person-choice-${row.row}`;
  return (
    <div className="stack">
      <select id={id} name={`person.${row.row}`} form={COMMIT_FORM_ID} aria-label={t('matching.import.rowLabel', { row: row.row })} defaultValue="">
        <option value="">{t('matching.import.notAnswered')}</option>
        <option value="new">{t('matching.import.newPerson')}</option>
        {candidates.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {t('matching.import.useExisting', { name: c.displayName, count: c.detentions.count })}
          </option>
        ))}
      </select>
      <input type="hidden" name={`shown.${row.row}`} form={COMMIT_FORM_ID} value={candidates.map((c) => c.id).join(',')} />
      <details>
        <summary>{t('matching.why')}</summary>
        <ul className="hint">
          {candidates.map((c) => (
            <li key={c.id}>
              <a href={`/people/${c.id}`} target="_blank" rel="noopener noreferrer">
                {c.displayName}
              </a>
              {c.matchedName !== c.displayName && ` · ${t('matching.matchedAs', { variant: c.matchedName })}`}
              {' · '}
              {t('matching.detentions', { count: c.detentions.count })}
              {c.detentions.latestDate &&
                `, ${c.detentions.latestCity ? t('matching.latestIn', { date: c.detentions.latestDate, city: c.detentions.latestCity }) : t('matching.latestOn', { date: c.detentions.latestDate })}`}
              <ul>
                {c.reasons.map((r) => (
                  <li key={r.key + JSON.stringify(r.values)}>{t(r.key, r.values)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
