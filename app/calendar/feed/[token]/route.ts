import { getTranslations } from 'next-intl/server';
import { calendarFeedResponse } from '@/lib/custody/feeds';
import { DEFAULT_LOCALE } from '@/lib/i18n/request';

// Each fetch reads the records and the token's user afresh: never a cached feed.
export const dynamic = 'force-dynamic';

/**
 * GET /calendar/feed/<token>.ics: a user's secret iCalendar feed. Calendar apps send no cookie, so
 * the token is the credential (checked by authenticateFeedToken inside calendarFeedResponse).
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations({ locale: DEFAULT_LOCALE });
  return calendarFeedResponse(request, token, t as unknown as Parameters<typeof calendarFeedResponse>[2]);
}
