/** Accept-Language against our three catalogues. Pure (no request APIs), so it is unit-tested. */
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales';

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
