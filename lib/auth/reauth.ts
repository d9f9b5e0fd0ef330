/**
 * Re-authentication: a signed-in user gives their own password again before changing how they
 * sign in (password, two-factor) or an admin resets someone else's. Counted by the sign-in
 * throttle under a key of its own, so these forms are no side door for guessing a password from
 * a session left open on a shared computer.
 */
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import { clientIp } from '@/lib/request/client';
import { verifyPassword } from './password';
import { clearSignInAttempts, reserveSignInAttempt } from './throttle';

export async function reauthenticate(userId: number, password: string): Promise<'ok' | 'password' | 'throttled'> {
  const ip = await clientIp();
  const throttleKey = `reauth:${userId}`; // its own counters, apart from the email's sign-in ones
  if (!(await reserveSignInAttempt(throttleKey, ip)).ok) return 'throttled';
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  if (!row || !(await verifyPassword(row.passwordHash, password))) return 'password';
  await clearSignInAttempts(throttleKey, ip);
  return 'ok';
}
