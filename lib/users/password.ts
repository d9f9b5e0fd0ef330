/**
 * Changing one's own password: the current password must be given again (throttled like every
 * re-authentication), and every other session
 * of the user ends in the same transaction (someone who learned the old password loses access).
 */
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { hashPassword } from '@/lib/auth/password';
import { reauthenticate } from '@/lib/auth/reauth';
import { revokeUserSessions } from '@/lib/auth/sessions';

export async function changePassword(
  userId: number,
  input: { currentPassword: string; newPassword: string },
  meta: { sessionKey: string; ip: string | null },
): Promise<'changed' | 'wrongPassword' | 'throttled'> {
  const auth = await reauthenticate(userId, input.currentPassword);
  if (auth !== 'ok') return auth === 'throttled' ? 'throttled' : 'wrongPassword';
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    const ended = await revokeUserSessions(userId, { exceptKey: meta.sessionKey }, tx);
    await recordAudit({ action: 'password_changed', actorId: userId, targetKind: 'user', targetId: userId, ip: meta.ip, details: { otherSessionsEnded: ended } }, tx);
  });
  return 'changed';
}
