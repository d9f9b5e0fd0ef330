import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { users, type UserRole } from '@/db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import type { CreateUserInput, UpdateUserInput } from './schema';

export type SessionUser = { id: number; name: string; email: string; role: UserRole };

const sessionColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

/** The user for these credentials, or null; unknown emails cost as much time as wrong passwords. */
export async function authenticateUser(email: string, password: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!row || !ok || row.disabled) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role };
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
