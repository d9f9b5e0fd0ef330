import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { showInterval, showPlace } from '@/lib/format';
import type { DateQualifier, PlacePrecision } from '@/db/schema';
import type { ReviewPerson } from '@/lib/people/review';

/** One side of a candidate pair: names, how many detentions, and the latest one. */
export async function CandidatePerson({ person }: { person: ReviewPerson }) {
  const t = await getTranslations();
  const latest = person.latest;
  return (
    <dl className="facts">
      <dt>{t('merge.candidate.names')}</dt>
      <dd>{person.names.join(', ')}</dd>
      <dt>{t('merge.candidate.detentionsTitle')}</dt>
      <dd>
        {t('merge.candidate.detentions', { count: person.detentionCount })}
        {latest ? '; ' : null}
        {latest ? (
          <Link href={`/cases/${latest.id}`}>
            {showInterval(t, { earliest: latest.earliest, latest: latest.latest, qualifier: latest.qualifier as DateQualifier, asReported: null })},{' '}
            {showPlace(t, { city: latest.city, region: latest.region, placePrecision: latest.placePrecision as PlacePrecision })}
          </Link>
        ) : null}
      </dd>
    </dl>
  );
}
