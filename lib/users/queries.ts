import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { users, type UserRole } from '@/db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { clearSignInAttempts, forgetStaleSignInAttempts, reserveSignInAttempt } from '@/lib/auth/throttle';
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
  await clearSignInAttempts(emailKey, ip, deviceToken);
  return { ok: true, user: { id: row.id, name: row.name, email: row.email, role: row.role, twoFactor: row.totpEnabledAt !== null } };
}

export async function listUsers() {
  return db
    .select({ ...sessionColumns, disabled: users.disabled, createdAt: users.createdAt })
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

/**
 * Sets a user's role and whether the account is disabled. Disabling ends every session of the
 * user in the same transaction, so re-enabling later never revives an old cookie; a role change
 * needs no such step, because each request reads the role from this table.
 */
export async function updateUser(input: UpdateUserInput): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ role: input.role, disabled: input.disabled, updatedAt: new Date() })
      .where(eq(users.id, input.id))
      .returning({ id: users.id });
    if (rows.length > 0 && input.disabled) await revokeUserSessions(input.id, {}, tx);
    return rows.length > 0;
  });
}

/** A user's role and status, for recording what an admin changed (before and after). */
export async function getUserAccess(id: number): Promise<{ role: UserRole; disabled: boolean } | null> {
  const [row] = await db.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, id));
  return row ?? null;
}
