'use server';

import { revalidatePath } from 'next/cache';
import { currentUser } from '@/lib/auth/guard';
import { localeChoiceInput, saveLocaleChoice } from '@/lib/i18n/preference';

/**
 * The language switcher (header and account page). Open to the signed-out, who can only set their
 * own cookie; a signed-in user's choice is saved on their own account (their id from the session,
 * never from the form). Anything but the four known values is ignored.
 */
export async function chooseLocaleAction(form: FormData): Promise<void> {
  const parsed = localeChoiceInput.safeParse({ locale: form.get('locale') });
  if (!parsed.success) return;
  const user = await currentUser();
  await saveLocaleChoice(parsed.data.locale, user?.id ?? null);
  // Every page's text changes, so the whole tree is re-rendered in the new language.
  revalidatePath('/', 'layout');
}
