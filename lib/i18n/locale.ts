import 'server-only';
/**
 * Which language this request is answered in: the signed-in user's saved choice, else the `locale`
 * cookie (set by the switcher, so the signed-out /login page follows it too), else the browser's
 * Accept-Language negotiated against the three catalogues, else English.
 */
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { currentUser } from '@/lib/auth/guard';
import { isLocale, LOCALE_COOKIE, type Locale } from './locales';
import { negotiateLocale } from './negotiate';

export { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

/** The locale of this request, decided once per request. */
export const resolveLocale = cache(async (): Promise<Locale> => {
  const user = await currentUser();
  if (user?.locale && isLocale(user.locale)) return user.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get('accept-language'));
});

/** What the switcher shows as chosen: the saved language (account, else cookie), or 'browser' when none. */
export async function currentLocaleChoice(): Promise<Locale | 'browser'> {
  const user = await currentUser();
  if (user) return user.locale && isLocale(user.locale) ? user.locale : 'browser';
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : 'browser';
}
