import 'server-only';
/**
 * Each user's secret calendar feed (.ics): a URL carrying 32 random bytes, shown once. Only the
 * token's SHA-256 is stored, so a copy of the database opens no feed. Calendar apps fetch without
 * cookies, so the token is the only credential: it is refused once revoked or replaced, once its
 * user is disabled, and whatever it serves is what that user may see at the time of the request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { db } from '@/db';
import { calendarFeeds, rolePolicies, users, type UiLocale } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import type { Actor } from '@/lib/auth/policy';
import { publicOrigin } from '@/lib/exports/origin';
import { APP_TIME_ZONE } from '@/lib/i18n/time-zone';
import { logError } from '@/lib/log';
import { localBasisText, showInterval, showPlace } from '@/lib/format';
import { addDays, listCalendar, todayIn, type CalendarItem } from './calendar';
import { buildCalendar, type AllDayEvent } from './ical';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The feed's path for a token; the .ics ending helps calendar apps that guess by the name. */
export const feedPath = (token: string) => `/calendar/feed/${token}.ics`;

/**
 * Creates the user's feed, replacing (and so revoking) any earlier one, in one transaction with its
 * audit event. The token is returned this once and never stored.
 */
export async function createFeed(actor: Actor, ip: string | null = null): Promise<{ token: string; replaced: boolean }> {
  const token = generateFeedToken();
  const replaced = await db.transaction(async (tx) => {
    const old = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.id)).returning({ id: calendarFeeds.id });
    const [row] = await tx.insert(calendarFeeds).values({ userId: actor.id, tokenHash: hashFeedToken(token) }).returning({ id: calendarFeeds.id });
    await recordAudit({ action: 'calendar_feed_created', actorId: actor.id, targetKind: 'calendar_feed', targetId: row.id, ip, details: { replaced: old.length > 0 } }, tx);
    return old.length > 0;
  });
  return { token, replaced };
}

/** Revokes the user's feed at once (the row goes, so the old URL finds nothing); false when there was none. */
export async function revokeFeed(actor: Actor, ip: string | null = null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.id)).returning({ id: calendarFeeds.id });
    if (gone.length === 0) return false;
    await recordAudit({ action: 'calendar_feed_revoked', actorId: actor.id, targetKind: 'calendar_feed', targetId: gone[0].id, ip }, tx);
    return true;
  });
}

/** Whether the user has a feed, and since when; never the hash. */
export async function feedStatus(actor: Actor): Promise<{ createdAt: Date; lastUsedAt: Date | null } | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, actor.id));
  return row ?? null;
}

/** How often a feed's "last used" is written: calendar apps poll, and one write per poll is waste. */
const TOUCH_EVERY_MS = 10 * 60_000;

/**
 * The user a feed token speaks for, as they are now (role read afresh), or null: malformed, unknown,
 * revoked or replaced token, disabled user, or a user whose role requires two-factor sign-in they
 * have not set up (their sessions are held back too, see lib/auth/guard.ts).
 */
export async function authenticateFeedToken(token: string): Promise<(Actor & { locale: UiLocale | null }) | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const hash = hashFeedToken(token);
  const [row] = await db
    .select({
      feedId: calendarFeeds.id,
      tokenHash: calendarFeeds.tokenHash,
      lastUsedAt: calendarFeeds.lastUsedAt,
      userId: users.id,
      role: users.role,
      locale: users.locale,
      disabled: users.disabled,
      totpEnabledAt: users.totpEnabledAt,
      requireTwoFactor: rolePolicies.requireTwoFactor,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .leftJoin(rolePolicies, eq(rolePolicies.role, users.role))
    .where(eq(calendarFeeds.tokenHash, hash));
  // The index finds the row by hash; comparing the hashes again in constant time costs nothing and
  // keeps the check from leaning on how the database compares strings.
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash, 'utf8'), Buffer.from(hash, 'utf8'))) return null;
  if (row.disabled || (row.requireTwoFactor && row.totpEnabledAt === null)) return null;
  if (row.lastUsedAt === null || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(calendarFeeds)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(calendarFeeds.id, row.feedId), or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, new Date(Date.now() - TOUCH_EVERY_MS)))));
  }
  return { id: row.userId, role: row.role, locale: row.locale };
}

type T = (key: string, values?: Record<string, string | number>) => string;

/** Days before today the feed still carries (a calendar app keeps what it was given), and ahead. */
export const FEED_DAYS_BEFORE = 30;
export const FEED_DAYS_AHEAD = 366;

/** A calendar item as an all-day event: who, where, what they are charged with, and the record's link. */
export function feedEvent(item: CalendarItem, t: T, origin: string): AllDayEvent {
  const host = new URL(origin).host;
  const place = showPlace(t, item.place);
  const url = `${origin}/cases/${item.detentionId}`;
  const lines: string[] = [];
  if (item.date.qualifier !== 'exact') lines.push(t('calendar.feed.when', { date: showInterval(t, item.date) }));
  if (item.date.asReported) lines.push(t('dates.asReported', { text: item.date.asReported }));
  if (item.venue) lines.push(t('calendar.feed.venue', { venue: item.venue }));
  if (item.court && item.court !== item.venue) lines.push(t('calendar.feed.court', { court: item.court }));
  for (const charge of item.charges) lines.push(t('calendar.feed.charge', { charge: chargeLine(charge, t) }));
  if (item.kind === 'release') lines.push(t('calendar.releaseComputed'));
  lines.push(t('calendar.feed.case', { url }));
  return {
    uid: `${item.kind}-${item.id}@${host}`,
    day: item.day,
    summary: t(item.kind === 'hearing' ? 'calendar.feed.hearingSummary' : 'calendar.feed.releaseSummary', { person: item.person, place }),
    description: lines.join('\n'),
    url,
  };
}

/** "CoAO art. 488(3) (inferred by the monitor): violating regulations…", or what is known of it. */
export function chargeLine(charge: CalendarItem['charges'][number], t: T): string {
  const text = charge.basis && localBasisText(t, charge.basis);
  const basis = text ? (charge.inferred ? `${text} (${t('calendar.inferred')})` : text) : null;
  return [basis, charge.text].filter(Boolean).join(': ') || t('calendar.chargeUnknown');
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * GET /calendar/feed/<token>.ics: the token's user's hearings and expected releases, from 30 days
 * back to a year ahead. Any refusal is the same 404, so the answer never tells whether a token
 * existed. Calendar apps send no language, so the feed speaks the one its owner chose on their
 * account (`translatorFor(null)`: they follow the browser, and there is none here: English).
 */
export async function calendarFeedResponse(
  request: Request,
  rawToken: string,
  translatorFor: (locale: UiLocale | null) => Promise<T>,
  now: Date = new Date(),
): Promise<Response> {
  try {
    const token = rawToken.endsWith('.ics') ? rawToken.slice(0, -4) : rawToken;
    const actor = await authenticateFeedToken(token);
    if (!actor) return notFound();
    const t = await translatorFor(actor.locale);
    const today = todayIn(APP_TIME_ZONE, now);
    const items = await listCalendar(actor, { from: addDays(today, -FEED_DAYS_BEFORE), to: addDays(today, FEED_DAYS_AHEAD) });
    const origin = publicOrigin(request);
    const body = buildCalendar({ name: t('calendar.feed.name'), events: items.map((item) => feedEvent(item, t, origin)), now });
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="hearings.ics"',
        // The feed is one person's view of the records: no shared cache may keep it.
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    // Never the error's text: it may quote a record.
    logError('calendar feed failed', error);
    return new Response('Server error', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
}
