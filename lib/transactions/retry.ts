/**
 * Retries a whole write transaction when PostgreSQL aborts it to break a deadlock (40P01) or a
 * serialization conflict (40001). Both are transient: the server rolled everything back, so running
 * the same work again is safe. Anything else (a stale-version refusal is a normal return value, a
 * Rollback is a domain refusal) is passed through at once, so a retry never turns a refusal into a
 * success and never loops.
 */
const RETRYABLE = new Set(['40P01', '40001']);

/** The SQLSTATE of a driver error, looking through wrappers (drizzle's DrizzleQueryError has `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const isRetryable = (error: unknown) => RETRYABLE.has(sqlState(error) ?? '');

/** At most this many runs in all; past it the last error is thrown (a 500, logged). */
export const MAX_TRIES = 5;

/**
 * Runs `work` (which must open its own transaction, e.g. `() => db.transaction(...)`) up to
 * MAX_TRIES times. The backoff is jittered so two transactions that deadlocked don't collide again
 * in lockstep.
 */
export async function withRetry<T>(work: () => Promise<T>, { tries = MAX_TRIES, baseMs = 10 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries || !isRetryable(error)) throw error;
      const wait = baseMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
