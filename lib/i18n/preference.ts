import 'server-only';
/**
 * Saving a reader's language: on their account when signed in (so it follows them to any browser)
 * and in the `locale` cookie (so /login and other signed-out pages follow it too).
 */
import { eq } from 'drizzle-orm';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { db } from '@/db';
import { users } from '@/db/schema';
import { LOCALE_COOKIE, LOCALES } from './locales';

/** A language, or 'browser' to forget the choice and follow Accept-Language again. */
export const localeChoiceInput = z.object({ locale: z.enum([...LOCALES, 'browser']) });
export type LocaleChoice = z.infer<typeof localeChoiceInput>['locale'];

const YEAR_SECONDS = 365 * 24 * 3600;

export async function saveLocaleChoice(choice: LocaleChoice, userId: number | null): Promise<void> {
  const locale = choice === 'browser' ? null : choice;
  if (userId !== null) await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
  const jar = await cookies();
  if (locale === null) {
    jar.delete(LOCALE_COOKIE);
    return;
  }
  // Nothing in the browser reads it, so it is http-only like the app's other cookies.
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  jar.set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: YEAR_SECONDS });
}
