import 'server-only';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { users, type UserRole } from '@/db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import { recordAudit } from '@/lib/audit/log';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { clearSignInAttempts, forgetStaleSignInAttempts, reserveSignInAttempt } from '@/lib/auth/throttle';
import { withRetry } from '@/lib/transactions/retry';
import type { CreateUserInput, UpdateUserInput } from './schema';

/** Who an account is, as sign-in returns it. */
export type AccountUser = { id: number; name: string; email: string; role: UserRole };

const sessionColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

export type AuthResult =
  | { ok: true; user: AccountUser & { twoFactor: boolean } }
  /** userId: the account the email named, when there is one (for the audit trail only, never shown). */
  | { ok: false; reason: 'invalid'; userId: number | null }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * The user for these credentials. Every attempt is counted before the password is checked
 * (lib/auth/throttle.ts), per account, per client address and per both, so neither patience nor
 * a burst of parallel requests gets many guesses. Unknown emails cost as much time as wrong
 * passwords, and wrong email, wrong password and a disabled account give the same answer.
 */
export async function authenticateUser(email: string, password: string, ip: string | null = null, deviceToken: string | null = null): Promise<AuthResult> {
  const emailKey = email.trim().toLowerCase();
  const reservation = await reserveSignInAttempt(emailKey, ip, deviceToken);
  if (!reservation.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: reservation.retryAfterSeconds };

  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash, disabled: users.disabled, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${emailKey}`);
  const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!row || !ok || row.disabled) {
    if (Math.random() < 0.05) await forgetStaleSignInAttempts();
    return { ok: false, reason: 'invalid', userId: row?.id ?? null };
  }
  const twoFactor = row.totpEnabledAt !== null;
  // With a second factor the attempt stays counted until its code is right (lib/auth/sign-in.ts
  // checkSecondFactor): cleared here, a stolen password bought five code guesses per sign-in, as
  // many sign-ins as wanted, and so the code by patience (about 330,000 guesses).
  if (!twoFactor) await clearSignInAttempts(emailKey, ip, deviceToken);
  return { ok: true, user: { id: row.id, name: row.name, email: row.email, role: row.role, twoFactor } };
}

export async function listUsers() {
  return db
    .select({ ...sessionColumns, disabled: users.disabled, version: users.version, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.name));
}

export class EmailTakenError extends Error {}

export async function createUser(input: CreateUserInput): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!row) throw new EmailTakenError();
  return row.id;
}

export type UpdateUserResult = { ok: true } | { ok: false; reason: 'notFound' | 'conflict' | 'lastAdmin' };

/**
 * Sets a user's role and whether the account is disabled, as `actor` (an admin) asked, and records
 * it in the audit trail in the same transaction. Disabling ends every session of the user, so
 * re-enabling later never revives an old cookie; a role change needs no such step, because each
 * request reads the role from this table.
 *
 * Refused when the account changed since the form was made (its version): each form posts role
 * and status together, so an older form would silently undo another admin's change (re-enable an
 * account just disabled as compromised). And refused when it would leave no enabled admin.
 */
export async function updateUser(input: UpdateUserInput, actor: { id: number; ip: string | null }): Promise<UpdateUserResult> {
  return withRetry(() =>
    db.transaction(async (tx) => {
      // The user and every enabled admin, locked in id order: two admins demoting each other at the
      // same moment are decided one after the other, and the second finds no other admin left.
      const locked = await tx
        .select({ id: users.id, role: users.role, disabled: users.disabled, version: users.version })
        .from(users)
        .where(or(eq(users.id, input.id), and(eq(users.role, 'admin'), eq(users.disabled, false))))
        .orderBy(asc(users.id))
        .for('update');
      const before = locked.find((u) => u.id === input.id);
      if (!before) return { ok: false, reason: 'notFound' } as const;
      if (before.version !== input.version) return { ok: false, reason: 'conflict' } as const;
      const enabledAdmin = (u: { role: UserRole; disabled: boolean }) => u.role === 'admin' && !u.disabled;
      const othersLeft = locked.filter((u) => u.id !== input.id && enabledAdmin(u)).length;
      if (enabledAdmin(before) && !enabledAdmin(input) && othersLeft === 0) return { ok: false, reason: 'lastAdmin' } as const;
      await tx
        .update(users)
        .set({ role: input.role, disabled: input.disabled, version: before.version + 1, updatedAt: new Date() })
        .where(eq(users.id, input.id));
      if (input.disabled) await revokeUserSessions(input.id, {}, tx);
      await recordAudit(
        {
          action: 'user_updated',
          actorId: actor.id,
          targetKind: 'user',
          targetId: input.id,
          ip: actor.ip,
          details: { before: { role: before.role, disabled: before.disabled }, after: { role: input.role, disabled: input.disabled } },
        },
        tx,
      );
      return { ok: true } as const;
    }),
  );
}

