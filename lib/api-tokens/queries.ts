import 'server-only';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { apiRateWindows, apiTokens, users } from '@/db/schema';
import { ROLE_PERMISSIONS, type Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { generateToken, hashToken, tokenPrefix } from './tokens';

/** Creates a token; the token itself is returned this once and never stored. */
export async function createApiToken(actor: Actor, name: string): Promise<{ id: number; token: string }> {
  const token = generateToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ name, tokenHash: hashToken(token), prefix: tokenPrefix(token), createdById: actor.id })
    .returning({ id: apiTokens.id });
  return { id: row.id, token };
}

/** Revokes a token at once; false when there is no such active token. */
export async function revokeApiToken(actor: Actor, id: number): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date(), revokedById: actor.id })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** Every token, newest first, without its hash. For admins (see the page's guard). */
export async function listApiTokens() {
  const creator = alias(users, 'creator');
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdBy: creator.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(creator, eq(creator.id, apiTokens.createdById))
    .orderBy(desc(apiTokens.id));
}

/** Roles that may hand out tokens: a token speaks for its creator only while they still may. */
const TOKEN_ISSUERS = Object.entries(ROLE_PERMISSIONS)
  .filter(([, permissions]) => permissions.includes('manageTokens'))
  .map(([role]) => role as keyof typeof ROLE_PERMISSIONS);

/**
 * The active token with this value, or null: unknown, revoked, or its creator since disabled or no
 * longer an admin (disabling an account must end every access it gave, tokens included).
 */
export async function authenticateApiToken(token: string): Promise<{ id: number; createdById: number } | null> {
  const [row] = await db
    .select({ id: apiTokens.id, createdById: apiTokens.createdById })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdById))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        eq(users.disabled, false),
        inArray(users.role, TOKEN_ISSUERS),
      ),
    );
  return row ?? null;
}

export type RateLimit = { limit: number; windowMs: number; now?: () => Date };

/** Requests per token per minute (API_RATE_LIMIT, default 120). */
export function rateLimitConfig(): RateLimit {
  return { limit: env.API_RATE_LIMIT, windowMs: 60_000 };
}

export type RateDecision = { ok: boolean; limit: number; remaining: number; resetSeconds: number };

/**
 * Counts one request in the token's current fixed window, in the database (one atomic upsert), so
 * all app instances share the count. Also notes when the token was last used, once per window.
 */
export async function hitRateLimit(tokenId: number, { limit, windowMs, now: clock }: RateLimit): Promise<RateDecision> {
  const now = clock?.() ?? new Date();
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const windowStart = new Date(start);
  const [row] = await db
    .insert(apiRateWindows)
    .values({ tokenId, windowStart, requests: 1 })
    .onConflictDoUpdate({ target: [apiRateWindows.tokenId, apiRateWindows.windowStart], set: { requests: sql`${apiRateWindows.requests} + 1` } })
    .returning({ requests: apiRateWindows.requests });
  if (row.requests === 1) {
    // First request of a window: tidy past windows and note the use.
    await db.delete(apiRateWindows).where(and(eq(apiRateWindows.tokenId, tokenId), lt(apiRateWindows.windowStart, windowStart)));
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
  }
  const resetSeconds = Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000));
  return { ok: row.requests <= limit, limit, remaining: Math.max(0, limit - row.requests), resetSeconds };
}
