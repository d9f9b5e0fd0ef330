/**
 * Sign-in throttling, counted in the database so every app instance shares it.
 *
 * Each attempt is counted *before* the password is checked, in one atomic upsert per key: the
 * row lock serialises concurrent attempts, and an attempt whose key is still in its delay is
 * refused without touching the password. So a burst of parallel guesses gets no more checks than
 * a patient attacker would.
 *
 * Three keys per attempt (OWASP's authentication cheat sheet):
 * - account + client address: strict, so one address can't guess one account's password;
 * - client address: strict, so one address can't spray many accounts;
 * - account alone: for attackers spread over many addresses; its delay is capped at 30 s.
 * A browser that has signed in to the account before carries a signed "known device" cookie
 * (OWASP's device cookies); its attempts are counted under that device instead of the account, so
 * an attacker hammering the account can't keep its owner out. Delays grow progressively (10 s, 20 s,
 * 40 s, …), never a fixed lock.
 *
 * Keys are HMACs, so the table holds no email addresses or IPs.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, inArray, lt, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { signInThrottle } from '@/db/schema';
import { authSecret } from '@/lib/env';

type Limit = { free: number; maxDelaySeconds: number };

/** The first delay after the free attempts; each further failure doubles it, up to the cap. */
export const FIRST_DELAY_SECONDS = 10;

/** Attempts allowed without delay, then 10 s, 20 s, 40 s … up to the cap. */
export const LIMITS = {
  accountAndIp: { free: 5, maxDelaySeconds: 15 * 60 },
  ip: { free: 30, maxDelaySeconds: 15 * 60 },
  account: { free: 10, maxDelaySeconds: 30 },
  device: { free: 5, maxDelaySeconds: 15 * 60 },
} as const satisfies Record<string, Limit>;

/** Counts older than this are forgotten at the next attempt. */
export const WINDOW_MINUTES = 15;

function keyOf(kind: string, value: string): string {
  return createHmac('sha256', `${authSecret()}:sign-in-throttle`).update(`${kind}:${value}`).digest('hex');
}

/** A token for a browser that has just signed in to this account: `random.signature`. */
export function issueDeviceToken(email: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${keyOf('device-token', `${email.trim().toLowerCase()}|${nonce}`)}`;
}

/** The token's nonce when it was issued for this account by this server, else null. */
function deviceNonce(email: string, token: string | null | undefined): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.([0-9a-f]{64})$/.exec(token ?? '');
  if (!match) return null;
  const expected = Buffer.from(keyOf('device-token', `${email.trim().toLowerCase()}|${match[1]}`));
  return timingSafeEqual(expected, Buffer.from(match[2])) ? match[1] : null;
}

export function throttleKeys(email: string, ip: string | null, deviceToken?: string | null): { key: string; limit: Limit }[] {
  const account = email.trim().toLowerCase();
  const nonce = deviceNonce(account, deviceToken);
  const keys: { key: string; limit: Limit }[] = [
    nonce ? { key: keyOf('device', nonce), limit: LIMITS.device } : { key: keyOf('account', account), limit: LIMITS.account },
  ];
  if (ip) {
    keys.push({ key: keyOf('ip', ip), limit: LIMITS.ip });
    keys.push({ key: keyOf('account+ip', `${account}|${ip}`), limit: LIMITS.accountAndIp });
  }
  return keys;
}

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one attempt on every key and says whether it may go on. One statement per key: the
 * upsert's row lock makes the read-count-decide step atomic on both drivers.
 */
export async function reserveSignInAttempt(email: string, ip: string | null, deviceToken?: string | null): Promise<Reservation> {
  let retryAfter = 0;
  for (const { key, limit } of throttleKeys(email, ip, deviceToken)) {
    // The failures count after this attempt, restarting when the last attempt is older than the window.
    const next = sql`CASE WHEN t.updated_at < now() - make_interval(mins => ${WINDOW_MINUTES}) THEN 1 ELSE t.failures + 1 END`;
    const delay = (failures: ReturnType<typeof sql>) =>
      sql`make_interval(secs => CASE WHEN ${failures} < ${limit.free} THEN 0 ELSE least(${limit.maxDelaySeconds}, ${FIRST_DELAY_SECONDS} * power(2, ${failures} - ${limit.free})) END)`;
    const rows = await db.execute<{ failures: number }>(sql`
      INSERT INTO sign_in_throttle AS t (key, failures, blocked_until, updated_at)
      VALUES (${key}, 1, now() + ${delay(sql`1`)}, now())
      ON CONFLICT (key) DO UPDATE
        SET failures = ${next}, blocked_until = now() + ${delay(next)}, updated_at = now()
        WHERE t.blocked_until <= now()
      RETURNING t.failures`);
    if (rowsOf(rows).length === 0) {
      const [row] = await db
        .select({ wait: sql<number>`ceil(extract(epoch FROM ${signInThrottle.blockedUntil} - now()))::int` })
        .from(signInThrottle)
        .where(sql`${signInThrottle.key} = ${key}`);
      retryAfter = Math.max(retryAfter, row?.wait ?? 1, 1);
    }
  }
  return retryAfter > 0 ? { ok: false, retryAfterSeconds: retryAfter } : { ok: true };
}

/**
 * After a successful sign-in: the account's and device's counts start again, and the attempt is
 * taken back from the address's count (it was counted before the password was known), so many
 * colleagues signing in from one office address never hold each other up.
 */
export async function clearSignInAttempts(email: string, ip: string | null, deviceToken?: string | null): Promise<void> {
  const all = [...throttleKeys(email, ip, deviceToken), ...throttleKeys(email, ip)];
  const personal = all.filter(({ limit }) => limit !== LIMITS.ip).map(({ key }) => key);
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, personal));
  const address = all.find(({ limit }) => limit === LIMITS.ip);
  if (address) {
    await db
      .update(signInThrottle)
      .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
      .where(eq(signInThrottle.key, address.key));
  }
}

/** Forget counters nobody has touched for a day (guesses at unknown emails pile up otherwise). */
export async function forgetStaleSignInAttempts(): Promise<void> {
  await db.delete(signInThrottle).where(lt(signInThrottle.updatedAt, sql`now() - interval '1 day'`));
}
