import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { CalendarItem } from '@/lib/custody/calendar';
import { chargeLine } from '@/lib/custody/feeds';
import { showInterval, showPlace } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';

/** The calendar proper: one section per day, each hearing or release with who, where and why. */
export async function UpcomingDays({ groups }: { groups: { day: string; items: CalendarItem[] }[] }) {
  const [t, format, names] = await Promise.all([getTranslations(), getFormatter(), getVocabularyNames()]);
  return (
    <section aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{t('calendar.upcomingTitle')}</h2>
      {groups.length === 0 && <p>{t('calendar.none')}</p>}
      {groups.map(({ day, items }) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          {/* A calendar day, so formatted in UTC: no time zone may move it to the day before. */}
          <h3 id={`day-${day}`}>{format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: 'full', timeZone: 'UTC' })}</h3>
          <ul>
            {items.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                <strong>{t(item.kind === 'hearing' ? 'calendar.hearing' : 'calendar.release')}</strong>:{' '}
                <Link href={`/cases/${item.detentionId}`} aria-label={t('calendar.open', { person: item.person })}>
                  {item.person}
                </Link>{' '}
                ({showPlace(t, names.where(item.place))})
                {item.date.qualifier !== 'exact' && <> · {t('calendar.when')}: {showInterval(t, item.date)}</>}
                {item.date.asReported && <> · {t('dates.asReported', { text: item.date.asReported })}</>}
                {(item.venue ?? item.court) && <> · {t('calendar.venue')}: {item.venue ?? item.court}</>}
                {item.charges.length > 0 && <> · {t('calendar.charges')}: {item.charges.map((c) => chargeLine(c, t)).join('; ')}</>}
                {item.kind === 'release' && <span className="hint"> · {t('calendar.releaseComputed')}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
