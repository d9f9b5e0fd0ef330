/**
 * next-intl without locale routing: one catalogue per language, English first. Every UI string
 * lives in lib/i18n/messages; adding a language is adding a catalogue and choosing it here.
 *
 * @see https://next-intl.dev/docs/getting-started/app-router/without-i18n-routing
 */
import { getRequestConfig } from 'next-intl/server';
import { APP_TIME_ZONE } from './time-zone';

export const DEFAULT_LOCALE = 'en';

export default getRequestConfig(async () => {
  const locale = DEFAULT_LOCALE;
  return {
    locale,
    timeZone: APP_TIME_ZONE,
    messages: (await import(`./messages/${locale}/index`)).default,
  };
});
