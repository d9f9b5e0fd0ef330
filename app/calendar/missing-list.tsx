import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { MissingPerson } from '@/lib/custody/calendar';
import { daysBetween } from '@/lib/dates/partial-date';
import { showPlace } from '@/lib/format';

/** People nobody has located for more than 24 hours: first on the page, because they are urgent. */
export async function MissingList({ missing, today }: { missing: MissingPerson[]; today: string }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="missing-title">
      <h2 id="missing-title">{t('calendar.missingTitle')}</h2>
      {missing.length === 0 ? (
        <p>{t('calendar.missingNone')}</p>
      ) : (
        <>
          <p className="hint">{t('calendar.missingIntro')}</p>
          <ul>
            {missing.map((m) => (
              <li key={m.detentionId}>
                <Link href={`/cases/${m.detentionId}`} aria-label={t('calendar.open', { person: m.person })}>
                  {m.person}
                </Link>{' '}
                ({showPlace(t, m.place)}): {t('calendar.missingSince', { since: m.since, days: daysBetween(m.since, today) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
