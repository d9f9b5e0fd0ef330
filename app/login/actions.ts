'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, signOut } from '@/lib/auth';

export type LoginFormState = { error?: string; email?: string };

/** Only same-site paths: a login link must not be able to send a monitor elsewhere. */
function safeRedirect(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/cases';
}

export async function login(_: LoginFormState, form: FormData): Promise<LoginFormState> {
  const email = String(form.get('email') ?? '').slice(0, 320);
  try {
    await signIn('credentials', {
      email,
      password: String(form.get('password') ?? ''),
      redirectTo: safeRedirect(form.get('callbackUrl')),
    });
    return {};
  } catch (error) {
    // Wrong email, wrong password and a disabled account look the same from outside.
    if (error instanceof CredentialsSignin && error.code === 'throttled') return { error: 'login.throttled', email };
    if (error instanceof AuthError) return { error: 'login.invalid', email };
    throw error; // the redirect after a successful sign-in
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: '/login' });
}
