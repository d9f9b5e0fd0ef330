/**
 * The interface languages and their names, shared by server and client code (no request APIs here).
 * English is the reference catalogue; Kazakh and Russian follow it key for key (catalogue.test.ts).
 */
import type { UiLocale } from '@/db/schema';

export const LOCALES = ['en', 'kk', 'ru'] as const satisfies readonly UiLocale[];
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie that carries a signed-out reader's choice (and mirrors a signed-in user's). */
export const LOCALE_COOKIE = 'locale';

/** Each language named in itself, so a reader who can't read the current one still finds theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', kk: 'Қазақша', ru: 'Русский' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
