import 'server-only';
/**
 * Which language this request is answered in: the signed-in user's saved choice, else the `locale`
 * cookie (set by the switcher, so the signed-out /login page follows it too), else the browser's
 * Accept-Language negotiated against the three catalogues, else English.
 */
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { currentUser } from '@/lib/auth/guard';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from './locales';

export { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

/** The best of our locales for an Accept-Language header ('kk-KZ' → kk, 'ru-RU,ru;q=0.9' → ru, 'de' → en). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage } })
    .languages()
    .filter((tag) => tag !== '*');
  try {
    const chosen = match(requested, LOCALES as unknown as string[], DEFAULT_LOCALE);
    return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  } catch {
    // A malformed language tag in the header (RangeError from Intl) is no preference at all.
    return DEFAULT_LOCALE;
  }
}

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
