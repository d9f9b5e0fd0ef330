/**
 * next-intl without locale routing: the URL carries no language; lib/i18n/locale.ts picks it per
 * request (saved choice → cookie → Accept-Language → English) and this loads its catalogue.
 *
 * @see https://next-intl.dev/docs/getting-started/app-router/without-i18n-routing
 */
import { getRequestConfig } from 'next-intl/server';
import { isLocale, type Locale } from './locales';
import { resolveLocale } from './locale';
import { APP_TIME_ZONE } from './time-zone';

export { DEFAULT_LOCALE } from './locales';

type Messages = { [key: string]: string | Messages };

/**
 * Kazakh and Russian over English, key by key: a key missing from a translation shows the English
 * text rather than a raw key. Only a safety net (catalogue.test.ts fails on any missing key), so
 * each missing key is logged once, by name only.
 */
function overEnglish(english: Messages, translated: Messages, prefix = '', missing: string[] = []): Messages {
  const out: Messages = {};
  for (const [key, value] of Object.entries(english)) {
    const theirs = translated[key];
    if (typeof value === 'string') {
      out[key] = typeof theirs === 'string' ? theirs : value;
      if (typeof theirs !== 'string') missing.push(prefix + key);
    } else {
      out[key] = overEnglish(value, typeof theirs === 'object' ? theirs : {}, `${prefix}${key}.`, missing);
    }
  }
  return out;
}

const loaded = new Map<Locale, Messages>();

async function loadMessages(locale: Locale): Promise<Messages> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const english = (await import('./messages/en/index')).default as Messages;
  let messages = english;
  if (locale !== 'en') {
    const translated = (await import(`./messages/${locale}/index`)).default as Messages;
    const missing: string[] = [];
    messages = overEnglish(english, translated, '', missing);
    if (missing.length > 0) console.warn(`i18n: ${missing.length} ${locale} keys fall back to English: ${missing.slice(0, 20).join(', ')}`);
  }
  loaded.set(locale, messages);
  return messages;
}

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (getTranslations({ locale })) wins: the calendar feed and tests ask for one.
  const locale = isLocale(requested) ? requested : await resolveLocale();
  return {
    locale,
    timeZone: APP_TIME_ZONE,
    messages: await loadMessages(locale),
    // A key missing even in English is a bug the catalogue test catches; log its name, never values.
    onError: (error) => console.warn(`i18n: ${error.code}`),
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join('.'),
  };
});
