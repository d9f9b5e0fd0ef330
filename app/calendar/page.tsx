import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { addDays, groupByDay, listCalendar, listMissing, todayIn } from '@/lib/custody/calendar';
import { feedStatus } from '@/lib/custody/feeds';
import { APP_TIME_ZONE } from '@/lib/i18n/time-zone';
import { FeedSection } from './feed-section';
import { MissingList } from './missing-list';
import { UpcomingDays } from './upcoming-days';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.calendar');

/** How far ahead the page looks; the feed looks a year ahead. */
const DAYS_AHEAD = 90;

/**
 * Upcoming hearings and expected releases, and who is missing: monitors, admins and researchers,
 * each seeing only the records they may see (the queries apply visibleDetention).
 */
export default async function CalendarPage() {
  const user = await requirePermission('read');
  const today = todayIn(APP_TIME_ZONE);
  const [t, items, missing, feed] = await Promise.all([
    getTranslations(),
    listCalendar(user, { from: today, to: addDays(today, DAYS_AHEAD) }),
    listMissing(user, today),
    feedStatus(user),
  ]);
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p>{t('calendar.intro', { today, days: DAYS_AHEAD })}</p>
      <MissingList missing={missing} today={today} />
      <UpcomingDays groups={groupByDay(items)} />
      <FeedSection
        active={feed ? { createdAt: feed.createdAt.toISOString().slice(0, 16).replace('T', ' '), lastUsed: feed.lastUsedAt?.toISOString().slice(0, 16).replace('T', ' ') ?? null } : null}
      />
    </>
  );
}
