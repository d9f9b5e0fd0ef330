import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getActiveUser, type SessionUser } from '@/lib/users/queries';
import { auth } from './index';
import { can, type Permission } from './policy';

/** The signed-in, enabled user of this request, read once per request; null when there is none. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return getActiveUser(id);
});

/** For pages and actions: sends the signed-out to /login. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
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
