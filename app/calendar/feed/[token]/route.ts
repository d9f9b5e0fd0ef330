import { getTranslations } from 'next-intl/server';
import { calendarFeedResponse } from '@/lib/custody/feeds';
import { DEFAULT_LOCALE } from '@/lib/i18n/locales';

// Each fetch reads the records and the token's user afresh: never a cached feed.
export const dynamic = 'force-dynamic';

type Translate = Parameters<typeof calendarFeedResponse>[2] extends (locale: never) => Promise<infer T> ? T : never;

/**
 * GET /calendar/feed/<token>.ics: a user's secret iCalendar feed. Calendar apps send no cookie, so
 * the token is the credential (checked by authenticateFeedToken inside calendarFeedResponse), and
 * the feed is written in the language its owner saved on their account.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return calendarFeedResponse(request, token, async (locale) => (await getTranslations({ locale: locale ?? DEFAULT_LOCALE })) as unknown as Translate);
}
