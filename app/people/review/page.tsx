import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { reviewCandidates } from '@/lib/people/review';
import { CandidatePerson } from '../candidate-person';
import { PairDecisionForm } from '../decision-forms';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.review');

/** Likely-duplicate pairs across the whole database, best first, to merge or set apart (monitors and admins). */
export default async function ReviewPeoplePage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await requirePermission('mergePeople');
  const raw = (await searchParams).page;
  const requested = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const [t, result] = await Promise.all([getTranslations('merge'), reviewCandidates(requested)]);
  const { pairs, page, pages, total } = result;
  return (
    <article>
      <h1>{t('review.title')}</h1>
      <p className="hint">{t('review.intro')}</p>
      <p>{t('review.total', { count: total })}</p>
      {pairs.length === 0 && <p>{t('review.empty')}</p>}
      {pairs.map(({ first, second, score, matched }) => (
        <section key={`${first.id}-${second.id}`} aria-label={t('review.pair', { first: first.displayName, second: second.displayName })} className="candidate-pair">
          <p className="hint">
            {t('candidate.score', { score: score.toFixed(2) })} · {t('candidate.matched', { first: matched[0], second: matched[1] })}
          </p>
          <div className="side-by-side">
            {[first, second].map((person) => (
              <div key={person.id}>
                <h2>
                  <Link href={`/people/${person.id}`}>{person.displayName}</Link>
                </h2>
                <CandidatePerson person={person} />
              </div>
            ))}
          </div>
          <PairDecisionForm
            personId={first.id}
            otherPersonId={second.id}
            context="review"
            mergeChoices={[
              { keep: 'person', label: t('actions.mergeInto', { name: first.displayName }) },
              { keep: 'other', label: t('actions.mergeInto', { name: second.displayName }) },
            ]}
          />
        </section>
      ))}
      {pages > 1 && (
        <nav aria-label={t('review.page', { page, pages })} className="actions">
          {page > 1 && <Link href={`/people/review?page=${page - 1}`}>{t('review.previous')}</Link>}
          <span>{t('review.page', { page, pages })}</span>
          {page < pages && <Link href={`/people/review?page=${page + 1}`}>{t('review.next')}</Link>}
        </nav>
      )}
    </article>
  );
}
