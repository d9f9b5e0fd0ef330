import 'server-only';
import { cookies } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { can, type Permission } from './policy';
import { sessionIdOfCookie } from './session-cookie';
import { getSessionUser, type SessionUser } from './sessions';

export type { SessionUser };

/** Auth.js's session cookie, with the __Secure- prefix when served over https. */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/** The session id inside this request's (encrypted, signed) session cookie, if any. */
async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    const sid = await sessionIdOfCookie(name, value);
    if (sid) return sid;
  }
  return null;
}

/**
 * The signed-in user of this request, read once per request from the server-side session: null
 * when there is no session or it was ended, expired, or its user disabled.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const sessionId = await sessionIdFromCookie();
  return sessionId ? getSessionUser(sessionId) : null;
});

/**
 * For route handlers (which answer 401/403 rather than redirect): the signed-in user, or null when
 * there is none or their role requires two-factor sign-in they have not set up yet.
 */
export async function currentRouteUser(): Promise<SessionUser | null> {
  const user = await currentUser();
  return user && !(user.twoFactorRequired && !user.twoFactorEnabled) ? user : null;
}

/**
 * For pages and actions: sends the signed-out to /login, and users whose role requires two-factor
 * sign-in but who have not set it up to /account/security (the pages that set it up, and sign-out,
 * pass `setupAllowed`).
 */
export async function requireUser(options: { setupAllowed?: boolean } = {}): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (user.twoFactorRequired && !user.twoFactorEnabled && !options.setupAllowed) redirect('/account/security?required=1');
  return user;
}

/** For pages and actions: a 403 for a signed-in user who lacks the permission. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** Parses a route's numeric id; anything else is a 404, not a 500. */
export function parseId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) notFound();
  return Number(value);
}
