'use server';

import { AuthError } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/log';
import { signIn, signOut } from '@/lib/auth';
import { currentUser } from '@/lib/auth/guard';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { revokeSession, revokeUserSessions } from '@/lib/auth/sessions';
import { checkPassword, checkSecondFactor, SECOND_FACTOR_MINUTES } from '@/lib/auth/sign-in';
import { issueDeviceToken } from '@/lib/auth/throttle';
import { clientIpFrom, describeDevice } from '@/lib/request/client';
import { verifySecondFactor } from '@/lib/two-factor/queries';

export type LoginFormState = {
  step?: 'password' | 'code';
  error?: 'invalid' | 'throttled' | 'codeInvalid' | 'codeExpired';
  retryAfterSeconds?: number;
  attemptsLeft?: number;
  email?: string;
};

/** The half-done sign-in, between the password and the code; http-only, this page only. */
const CHALLENGE_COOKIE = 'ct_sign_in';
/** Marks a browser that has signed in to an account before (lib/auth/throttle.ts, device cookies). */
const DEVICE_COOKIE = 'ct_device';

const passwordInput = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
});

async function requestMeta() {
  const h = await headers();
  const deviceToken = (await cookies()).get(DEVICE_COOKIE)?.value ?? null;
  return { ip: clientIpFrom(h), device: describeDevice(h.get('user-agent')), deviceToken };
}

/** Hands a ticket to Auth.js, which opens the session and redirects (by throwing NEXT_REDIRECT). */
async function finishSignIn(ticket: string, redirectTo: string, email: string): Promise<LoginFormState> {
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(DEVICE_COOKIE, issueDeviceToken(email), { httpOnly: true, sameSite: 'strict', secure, path: '/login', maxAge: 180 * 24 * 3600 });
  try {
    await signIn('credentials', { ticket, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return { step: 'password', error: 'invalid' };
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

/** The login form's one action: the password step, or the code step when the form says so. */
export async function signInStep(state: LoginFormState, form: FormData): Promise<LoginFormState> {
  return form.get('step') === 'code' ? verifyCode(state, form) : login(state, form);
}

async function login(_: LoginFormState, form: FormData): Promise<LoginFormState> {
  const parsed = passwordInput.safeParse({ email: form.get('email') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { step: 'password', error: 'invalid', email: '' };
  const { email, password } = parsed.data;
  const redirectTo = safeRedirectPath(form.get('callbackUrl'));
  const result = await checkPassword(email, password, redirectTo, await requestMeta());
  switch (result.kind) {
    case 'invalid':
      return { step: 'password', error: 'invalid', email };
    case 'throttled':
      return { step: 'password', error: 'throttled', retryAfterSeconds: result.retryAfterSeconds, email };
    case 'second_factor':
      (await cookies()).set(CHALLENGE_COOKIE, result.challenge, {
        httpOnly: true,
        sameSite: 'strict',
        secure: (await headers()).get('x-forwarded-proto') === 'https',
        path: '/login',
        maxAge: SECOND_FACTOR_MINUTES * 60,
      });
      return { step: 'code', email };
    case 'ticket':
      return finishSignIn(result.ticket, redirectTo, email);
  }
}

async function verifyCode(state: LoginFormState, form: FormData): Promise<LoginFormState> {
  const jar = await cookies();
  const challenge = jar.get(CHALLENGE_COOKIE)?.value;
  const code = String(form.get('code') ?? '').slice(0, 64);
  if (!challenge) return { step: 'password', error: 'codeExpired' };
  const result = await checkSecondFactor(challenge, code, await requestMeta(), verifySecondFactor);
  if (result.kind === 'invalid') return { step: 'code', error: 'codeInvalid', attemptsLeft: result.attemptsLeft, email: state.email };
  jar.delete({ name: CHALLENGE_COOKIE, path: '/login' });
  if (result.kind === 'expired') return { step: 'password', error: 'codeExpired', email: state.email };
  return finishSignIn(result.ticket, result.redirectTo, result.email);
}

/** Ends this session on the server (a copied cookie stops working too), then clears the cookie. */
export async function signOutAction() {
  const user = await currentUser();
  if (user) {
    await revokeSession(user.id, user.sessionKey);
    await recordAudit({ action: 'sign_out', actorId: user.id, targetKind: 'session', ip: (await requestMeta()).ip });
  }
  await signOut({ redirectTo: '/login' });
}

/** Ends every session of the signed-in user, on every device. */
export async function signOutEverywhereAction() {
  const user = await currentUser();
  if (!user) redirect('/login');
  const ended = await revokeUserSessions(user.id);
  await recordAudit({ action: 'sign_out_everywhere', actorId: user.id, targetKind: 'user', targetId: user.id, ip: (await requestMeta()).ip, details: { sessions: ended } });
  await signOut({ redirectTo: '/login' });
}
