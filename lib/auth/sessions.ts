/**
 * Server-side sessions. The Auth.js cookie is an encrypted JWT that carries only a random session
 * id; the user_sessions row (keyed by the id's SHA-256, so a database leak gives no usable cookie)
 * is looked up on every request. Ending a session is one UPDATE that takes effect at the next
 * request, wherever the cookie was copied to.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db';
import { rolePolicies, userSessions, users, type UiLocale, type UserRole } from '@/db/schema';

/** Sessions last at most this long, however active (the cookie's own maxAge is the same). */
export const SESSION_HOURS = 8;
/** last_seen_at is written at most this often, so reads don't each cost a write. */
const TOUCH_EVERY_SECONDS = 60;

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** Opens a session for a user who has passed every factor; returns the secret id for the cookie. */
export async function createSession(
  userId: number,
  meta: { device: string | null; ip: string | null },
  executor: Db | Tx = db,
): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url');
  await executor.insert(userSessions).values({
    id: hashSessionId(sessionId),
    userId,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
    device: meta.device?.slice(0, 100) ?? null,
    ip: meta.ip,
  });
  return sessionId;
}

export type SessionUser = {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  /** The interface language the user chose; null: follow the browser. */
  locale: UiLocale | null;
  /** Whether the user has two-factor sign-in on, and whether their role requires it. */
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
  /** The hashed id of this session (to mark it "this device" and to end it). */
  sessionKey: string;
};

/**
 * The user behind a session id, or null when the session is unknown, ended, expired, or its user
 * disabled. The role is read from the users table, so a role change applies at the next request.
 */
export async function getSessionUser(sessionId: string): Promise<SessionUser | null> {
  const key = hashSessionId(sessionId);
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      locale: users.locale,
      totpEnabledAt: users.totpEnabledAt,
      requireTwoFactor: rolePolicies.requireTwoFactor,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(rolePolicies, eq(rolePolicies.role, users.role))
    .where(and(eq(userSessions.id, key), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`), eq(users.disabled, false)));
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_SECONDS * 1000) {
    await db.update(userSessions).set({ lastSeenAt: new Date() }).where(eq(userSessions.id, key));
  }
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    locale: row.locale,
    twoFactorEnabled: row.totpEnabledAt !== null,
    twoFactorRequired: row.requireTwoFactor ?? false,
    sessionKey: key,
  };
}

/** Ends one session of a user (their own: the user id is part of the WHERE). */
export async function revokeSession(userId: number, sessionKey: string): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), eq(userSessions.id, sessionKey), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/** Ends the session whose secret id this is (from a session cookie being signed out). */
export async function endSessionById(sessionId: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, hashSessionId(sessionId)), isNull(userSessions.revokedAt)));
}

/** Ends every session of a user, or every one but `exceptKey` (a password change keeps the current one). */
export async function revokeUserSessions(userId: number, options: { exceptKey?: string } = {}, executor: Db | Tx = db): Promise<number> {
  const rows = await executor
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        options.exceptKey ? ne(userSessions.id, options.exceptKey) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

/** A user's open sessions, most recently used first, for the account page. */
export async function listActiveSessions(userId: number) {
  return db
    .select({
      key: userSessions.id,
      device: userSessions.device,
      ip: userSessions.ip,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      expiresAt: userSessions.expiresAt,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`)))
    .orderBy(desc(userSessions.lastSeenAt));
}

/** Drops sessions that ended more than a day ago (they are kept a while to explain a sign-out). */
export async function forgetOldSessions(): Promise<void> {
  await db.delete(userSessions).where(lt(userSessions.expiresAt, sql`now() - interval '1 day'`));
}
