/**
 * Signing in, step by step. The password step (and, when the user has it, the second-factor step)
 * run in the login page's server actions; only when every factor has passed is a one-time ticket
 * issued, which the Auth.js credentials provider redeems for a server-side session. So the public
 * Auth.js callback endpoint can't be used to guess passwords or skip the second factor: all it
 * accepts is a ticket that lives for a minute and works once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { auditEvents, signInChallenges, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { authenticateUser } from '@/lib/users/queries';
import { createSession, forgetOldSessions } from './sessions';
import { clearSignInAttempts, reserveSignInAttempt } from './throttle';

/** How long the code form waits for a code, and how many wrong codes it takes. */
export const SECOND_FACTOR_MINUTES = 5;
export const MAX_CODE_ATTEMPTS = 5;
const TICKET_SECONDS = 60;

type Meta = { ip: string | null; device: string | null; deviceToken?: string | null };

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

async function issue(userId: number, stage: 'second_factor' | 'ticket', redirectTo: string, seconds: number): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  // One code form per account at a time: parallel sign-ins would each bring their own code guesses.
  if (stage === 'second_factor') {
    await db.delete(signInChallenges).where(and(eq(signInChallenges.userId, userId), eq(signInChallenges.stage, 'second_factor')));
  }
  await db.insert(signInChallenges).values({
    id: hashId(id),
    userId,
    stage,
    redirectTo,
    expiresAt: new Date(Date.now() + seconds * 1000),
  });
  return id;
}

async function throttledRecently(ip: string | null): Promise<boolean> {
  const [row] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'sign_in_throttled'),
        gt(auditEvents.at, sql`now() - interval '1 minute'`),
        ip === null ? isNull(auditEvents.ip) : eq(auditEvents.ip, ip),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export type PasswordStep =
  | { kind: 'ticket'; ticket: string }
  | { kind: 'second_factor'; challenge: string }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

/** Step one: email and password. `redirectTo` must already be a safe path (lib/auth/redirect.ts). */
export async function checkPassword(email: string, password: string, redirectTo: string, meta: Meta): Promise<PasswordStep> {
  const result = await authenticateUser(email, password, meta.ip, meta.deviceToken ?? null);
  if (!result.ok) {
    if (result.reason === 'invalid') {
      // Whoever typed the password is unknown: the account it was tried on is the target.
      await recordAudit({ action: 'sign_in_failed', actorId: null, targetKind: 'user', targetId: result.userId, ip: meta.ip, details: { step: 'password' } });
      return { kind: 'invalid' };
    }
    // Refused attempts cost the attacker nothing, so record them at most once a minute per address:
    // a flood can't grow the append-only trail faster than that.
    if (!(await throttledRecently(meta.ip))) {
      await recordAudit({ action: 'sign_in_throttled', actorId: null, ip: meta.ip, details: { step: 'password', retryAfterSeconds: result.retryAfterSeconds } });
    }
    return { kind: 'throttled', retryAfterSeconds: result.retryAfterSeconds };
  }
  // Now and then, drop what has expired: half-done sign-ins, and sessions ended over a day ago.
  if (Math.random() < 0.05) {
    await db.delete(signInChallenges).where(lt(signInChallenges.expiresAt, sql`now()`));
    await forgetOldSessions();
  }
  if (result.user.twoFactor) {
    return { kind: 'second_factor', challenge: await issue(result.user.id, 'second_factor', redirectTo, SECOND_FACTOR_MINUTES * 60) };
  }
  return { kind: 'ticket', ticket: await issue(result.user.id, 'ticket', redirectTo, TICKET_SECONDS) };
}

export type CodeStep =
  | { kind: 'ticket'; ticket: string; redirectTo: string; email: string }
  | { kind: 'invalid'; attemptsLeft: number }
  | { kind: 'expired' };

/**
 * Step two: a code from the authenticator app or a recovery code. Each try is counted atomically
 * before the code is checked, so parallel guesses share the same MAX_CODE_ATTEMPTS.
 */
export async function checkSecondFactor(
  challenge: string,
  code: string,
  meta: Meta,
  verify: (userId: number, code: string) => Promise<'totp' | 'recovery' | null>,
): Promise<CodeStep> {
  const key = hashId(challenge);
  const [counted] = await db
    .update(signInChallenges)
    .set({ attempts: sql`${signInChallenges.attempts} + 1` })
    .where(
      and(
        eq(signInChallenges.id, key),
        eq(signInChallenges.stage, 'second_factor'),
        gt(signInChallenges.expiresAt, sql`now()`),
        lt(signInChallenges.attempts, MAX_CODE_ATTEMPTS),
      ),
    )
    .returning({ userId: signInChallenges.userId, attempts: signInChallenges.attempts, redirectTo: signInChallenges.redirectTo });
  if (!counted) {
    await db.delete(signInChallenges).where(eq(signInChallenges.id, key));
    return { kind: 'expired' };
  }
  const method = await verify(counted.userId, code);
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, counted.userId));
  const email = user?.email ?? '';
  if (!method) {
    // A wrong code counts against the account as a wrong password does (lib/auth/throttle.ts): with
    // the password step's own count, a few rounds of guesses make the next sign-in wait.
    await reserveSignInAttempt(email, meta.ip, meta.deviceToken);
    await recordAudit({ action: 'sign_in_second_factor_failed', actorId: counted.userId, targetKind: 'user', targetId: counted.userId, ip: meta.ip, details: { attempt: counted.attempts } });
    const attemptsLeft = MAX_CODE_ATTEMPTS - counted.attempts;
    if (attemptsLeft <= 0) await db.delete(signInChallenges).where(eq(signInChallenges.id, key));
    return attemptsLeft > 0 ? { kind: 'invalid', attemptsLeft } : { kind: 'expired' };
  }
  await db.delete(signInChallenges).where(eq(signInChallenges.id, key));
  await clearSignInAttempts(email, meta.ip, meta.deviceToken);
  if (method === 'recovery') {
    await recordAudit({ action: 'recovery_code_used', actorId: counted.userId, targetKind: 'user', targetId: counted.userId, ip: meta.ip });
  }
  const ticket = await issue(counted.userId, 'ticket', counted.redirectTo, TICKET_SECONDS);
  return { kind: 'ticket', ticket, redirectTo: counted.redirectTo, email };
}

/**
 * Redeems a ticket (once, within its minute) for a new session of an enabled user. Called by the
 * Auth.js credentials provider; returns the user id and the session's secret id for the cookie.
 */
export async function redeemTicket(ticket: string, meta: Meta): Promise<{ userId: number; sessionId: string } | null> {
  if (typeof ticket !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(signInChallenges)
      .where(and(eq(signInChallenges.id, hashId(ticket)), eq(signInChallenges.stage, 'ticket'), gt(signInChallenges.expiresAt, sql`now()`)))
      .returning({ userId: signInChallenges.userId });
    if (!row) return null;
    const [user] = await tx.select({ disabled: users.disabled }).from(users).where(eq(users.id, row.userId));
    if (!user || user.disabled) return null;
    const sessionId = await createSession(row.userId, meta, tx);
    await recordAudit({ action: 'sign_in', actorId: row.userId, targetKind: 'user', targetId: row.userId, ip: meta.ip, details: { device: meta.device } }, tx);
    return { userId: row.userId, sessionId };
  });
}
