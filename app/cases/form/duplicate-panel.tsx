'use client';

import { useTranslations } from 'next-intl';
import type { LikelyPerson } from '@/lib/people/likely';

/** A likely person as the lookup route sends it (lib/people/likely.ts). */
export type DuplicateCandidate = Pick<LikelyPerson, 'id' | 'displayName' | 'role' | 'matchedName' | 'reasons' | 'detentions'>;

/**
 * "Possible duplicates": the people already on record whom the typed name likely names, each with
 * the variant that matched, why, and their detentions, and the two answers. It never blocks the
 * save; the answers ride along as hidden inputs (person-section.tsx) and the server checks them.
 */
export function DuplicatePanel({
  name,
  candidates,
  differentFrom,
  onSame,
  onDifferent,
  onUndo,
}: {
  name: string;
  candidates: readonly DuplicateCandidate[];
  differentFrom: readonly number[];
  onSame: (candidate: DuplicateCandidate) => void;
  onDifferent: (id: number) => void;
  onUndo: (id: number) => void;
}) {
  const t = useTranslations();
  const allAnswered = candidates.length > 0 && candidates.every((c) => differentFrom.includes(c.id));
  return (
    // A polite live region, there (empty) all the while a new person is typed: screen readers
    // announce what appears in it without the focus leaving the name.
    <section
      className={candidates.length > 0 ? 'banner warn' : undefined}
      aria-labelledby={candidates.length > 0 ? 'duplicates-title' : undefined}
      aria-live="polite"
    >
      {candidates.length > 0 && (
        <>
          <h3 id="duplicates-title">{t('matching.panelTitle')}</h3>
          <p className="hint">{t('matching.panelHint', { name })}</p>
          <ul className="stack">
            {candidates.map((c) => (
              <Candidate key={c.id} candidate={c} answeredDifferent={differentFrom.includes(c.id)} onSame={onSame} onDifferent={onDifferent} onUndo={onUndo} />
            ))}
          </ul>
          {allAnswered && <p role="status">{t('matching.allDifferent')}</p>}
        </>
      )}
    </section>
  );
}

function Candidate({
  candidate: c,
  answeredDifferent,
  onSame,
  onDifferent,
  onUndo,
}: {
  candidate: DuplicateCandidate;
  answeredDifferent: boolean;
  onSame: (candidate: DuplicateCandidate) => void;
  onDifferent: (id: number) => void;
  onUndo: (id: number) => void;
}) {
  const t = useTranslations();
  const nameId = `duplicate-${c.id}-name`;
  const { count, latestDate, latestCity } = c.detentions;
  if (answeredDifferent) {
    return (
      <li aria-label={t('matching.candidateLabel', { name: c.displayName })}>
        {t('matching.markedDifferent', { name: c.displayName })}{' '}
        <button type="button" className="secondary" onClick={() => onUndo(c.id)}>
          {t('matching.undo')}
        </button>
      </li>
    );
  }
  return (
    <li aria-label={t('matching.candidateLabel', { name: c.displayName })}>
      <strong id={nameId}>
        {/* A new tab, so the form and what was typed stay where they are. */}
        <a href={`/people/${c.id}`} target="_blank" rel="noopener noreferrer">
          {c.displayName}
        </a>
      </strong>{' '}
      ({t(`enums.personRole.${c.role}`)})
      {c.matchedName !== c.displayName && <span className="hint"> · {t('matching.matchedAs', { variant: c.matchedName })}</span>}
      <p className="hint">
        {t('matching.detentions', { count })}
        {latestDate && `, ${latestCity ? t('matching.latestIn', { date: latestDate, city: latestCity }) : t('matching.latestOn', { date: latestDate })}`}
      </p>
      <ul aria-label={t('matching.why')} className="hint">
        {c.reasons.map((r) => (
          <li key={r.key + JSON.stringify(r.values)}>{t(r.key, r.values)}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" aria-describedby={nameId} onClick={() => onSame(c)}>
          {t('matching.same')}
        </button>
        <button type="button" className="secondary" aria-describedby={nameId} onClick={() => onDifferent(c.id)}>
          {t('matching.different')}
        </button>
      </div>
    </li>
  );
}
