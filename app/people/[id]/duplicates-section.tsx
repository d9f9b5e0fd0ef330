import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { likelyDuplicatesOf } from '@/lib/people/review';
import { CandidatePerson } from '../candidate-person';
import { PairDecisionForm } from '../decision-forms';

/** Other people likely the same as this one, each with the three answers (monitors and admins). */
export async function DuplicatesSection({ personId }: { personId: number }) {
  const [t, candidates] = await Promise.all([getTranslations('merge'), likelyDuplicatesOf(personId)]);
  return (
    <section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('duplicates.title')}</h2>
      <p className="hint">{t('duplicates.hint')}</p>
      {candidates.length === 0 && <p>{t('duplicates.empty')}</p>}
      {candidates.map(({ second: other, score, matched }) => (
        <article key={other.id} aria-labelledby={`candidate-${other.id}`} className="candidate">
          <h3 id={`candidate-${other.id}`}>
            <Link href={`/people/${other.id}`}>{other.displayName}</Link>
          </h3>
          <p className="hint">
            {t('candidate.score', { score: score.toFixed(2) })} · {t('candidate.matched', { first: matched[0], second: matched[1] })}
          </p>
          <CandidatePerson person={other} />
          <PairDecisionForm personId={personId} otherPersonId={other.id} context="person_page" mergeChoices={[{ keep: 'person', label: t('actions.mergeHere') }]} />
        </article>
      ))}
    </section>
  );
}
