import 'server-only';
import { and, asc, count, eq, gt, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { loginFailures, users, type UserRole } from '@/db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import type { CreateUserInput, UpdateUserInput } from './schema';

export type SessionUser = { id: number; name: string; email: string; role: UserRole };

const sessionColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

/** Failed sign-ins allowed per email within the window before sign-in is refused for a while. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

export type AuthResult = { ok: true; user: SessionUser } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * The user for these credentials. Unknown emails cost as much time as wrong passwords; after
 * MAX_FAILURES failures for an email within FAILURE_WINDOW_MINUTES, even the right password is
 * refused until the window has passed, so a password cannot be guessed quickly.
 */
export async function authenticateUser(email: string, password: string): Promise<AuthResult> {
  const emailKey = email.trim().toLowerCase();
  const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
  const [{ failures }] = await db
    .select({ failures: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.emailKey, emailKey), gt(loginFailures.at, since)));
  if (failures >= MAX_FAILURES) return { ok: false, reason: 'throttled' };

  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(sql`lower(${users.email}) = ${emailKey}`);
  const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!row || !ok || row.disabled) {
    await db.insert(loginFailures).values({ emailKey });
    // Now and then, forget failures older than the window (guesses at unknown emails pile up too).
    if (Math.random() < 0.05) await forgetLoginFailuresBefore(since);
    return { ok: false, reason: 'invalid' };
  }
  await db.delete(loginFailures).where(eq(loginFailures.emailKey, emailKey));
  return { ok: true, user: { id: row.id, name: row.name, email: row.email, role: row.role } };
}

export async function forgetLoginFailuresBefore(before: Date) {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}

export async function getActiveUser(id: number): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(users)
    .where(sql`${users.id} = ${id} AND NOT ${users.disabled}`);
  return row ?? null;
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

export async function updateUser(input: UpdateUserInput): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ role: input.role, disabled: input.disabled, updatedAt: new Date() })
    .where(eq(users.id, input.id))
    .returning({ id: users.id });
  return rows.length > 0;
}
