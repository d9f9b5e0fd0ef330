import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents, calendarFeeds, custodyEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { caseInput } from '@/lib/cases/schema';
import { createCase } from '@/lib/cases/queries';
import messages from '@/lib/i18n/messages/en';
import ruMessages from '@/lib/i18n/messages/ru';
import { APP_TIME_ZONE } from '@/lib/i18n/time-zone';
import { useTestDatabase } from '@/lib/test/database';
import { caseForm, chargeId, createActor, unique } from '@/lib/test/factories';
import { addDays, todayIn } from './calendar';
import { calendarFeedResponse, createFeed, feedPath, hashFeedToken, revokeFeed } from './feeds';
import { buildCalendar, escapeText, foldLine } from './ical';

useTestDatabase();

const t = createTranslator({ locale: 'en', messages }) as unknown as (key: string, values?: Record<string, string | number>) => string;
const ORIGIN = 'https://cases.example.org';
/** The route's translator choice: the owner's saved language, English when they saved none. */
const translatorFor = async (locale: string | null) =>
  locale === 'ru' ? (createTranslator({ locale: 'ru', messages: ruMessages }) as unknown as typeof t) : t;
const fetchFeed = (token: string) => calendarFeedResponse(new Request(`${ORIGIN}${feedPath(token)}`), `${token}.ics`, translatorFor);

type Parsed = { uid: string; summary: string; description: string; start: string; end: string; allDay: boolean; url: string | null };
/** The feed read by ical.js (Mozilla's RFC 5545 parser): it throws on a malformed calendar. */
function parseFeed(text: string): Parsed[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
    };
  });
}

describe('the iCalendar writer', () => {
  it('escapes TEXT values (backslash, semicolon, comma, newlines) and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\u0007g')).toBe('a\\\\b\\;c\\,d\\ne\\nfg');
    // Line ends other readers know (session 25): escaped too, never sent raw.
    expect(escapeText('a\u2028END:VEVENT\u2029b\u0085c')).toBe('a\\nEND:VEVENT\\nb\\nc');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'Серікбаев '.repeat(12)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of folded.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes all-day events a real parser reads back unchanged', () => {
    const description = 'Charge: CoAO art. 488(3); "picket", with a comma\nCase: https://x.example/cases/1';
    const text = buildCalendar({
      name: 'Hearings',
      now: new Date('2021-01-10T08:00:00Z'),
      events: [{ uid: 'hearing-1@x.example', day: '2021-01-12', summary: `Hearing: ${'Ғадилбек Серікбаев '.repeat(5)}(Almaty)`, description }],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(text).toContain('DTSTART;VALUE=DATE:20210112\r\n');
    expect(text).toContain('DTSTAMP:20210110T080000Z\r\n');
    const [event] = parseFeed(text);
    expect(event).toMatchObject({ uid: 'hearing-1@x.example', start: '2021-01-12', end: '2021-01-13', allDay: true, description });
    expect(event.summary).toBe(`Hearing: ${'Ғадилбек Серікбаев '.repeat(5)}(Almaty)`);
  });
});

describe('the calendar feed', () => {
  const today = todayIn(APP_TIME_ZONE);
  const tag = unique('Feed').replace(/[^a-z0-9]/gi, '').toLowerCase();
  let monitor: Actor;
  let researcher: Actor;
  let openId: number;
  let hiddenId: number;
  let hearingId: number;

  async function create(name: string, overrides: Record<string, unknown>) {
    const result = await createCase(monitor, caseInput.parse(await caseForm({ personName: `${tag} ${name}`, detained: { on: addDays(today, -1) }, sentenced: {}, ...overrides })));
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.id;
  }

  beforeAll(async () => {
    monitor = await createActor('monitor');
    researcher = await createActor('researcher');
    const charges = [{ chargeId: String(await chargeId('coao-488')), part: '3', basisOrigin: 'inferred', chargeText: 'took part in a rally, unsanctioned; "peaceful"', outcome: 'pending' }];
    openId = await create('Open', {
      charges,
      court: 'Almaty specialised court',
      events: [{ kind: 'hearing_scheduled', date: { on: addDays(today, 2) }, placeDetail: 'Courtroom 4' }],
    });
    hiddenId = await create('Hidden', { charges, confidentiality: 'restricted', events: [{ kind: 'hearing_scheduled', date: { on: addDays(today, 3) } }] });
    const [event] = await db.select({ id: custodyEvents.id }).from(custodyEvents).where(and(eq(custodyEvents.detentionId, openId), eq(custodyEvents.kind, 'hearing_scheduled')));
    hearingId = event.id;
  });

  const mine = (events: Parsed[]) => events.filter((e) => e.summary.includes(tag));

  it('serves the hearings as all-day events with stable UIDs, charge text and case link', async () => {
    const { token } = await createFeed(monitor);
    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const events = mine(parseFeed(await response.text()));
    expect(events.map((e) => e.uid)).toEqual([`hearing-${hearingId}@cases.example.org`, expect.stringMatching(/^hearing-\d+@cases\.example\.org$/)]);
    const [open] = events;
    expect(open).toMatchObject({ summary: `Hearing: ${tag} Open (Aktobe)`, start: addDays(today, 2), end: addDays(today, 3), allDay: true, url: `${ORIGIN}/cases/${openId}` });
    expect(open.description).toContain('Where: Courtroom 4');
    expect(open.description).toContain('Court: Almaty specialised court');
    expect(open.description).toContain('Charge: CoAO art. 488(3) (inferred by the monitor): took part in a rally, unsanctioned; "peaceful"');
    expect(open.description).toContain(`Case: ${ORIGIN}/cases/${openId}`);
    // The same feed fetched again gives the same UIDs, so calendar apps update rather than duplicate.
    expect(mine(parseFeed(await (await fetchFeed(token)).text())).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it('stores only the SHA-256 of the token', async () => {
    const { token } = await createFeed(monitor);
    const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, monitor.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashFeedToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers 404 for a missing, malformed, unknown, revoked or replaced token, alike', async () => {
    const { token } = await createFeed(monitor);
    const bodies = new Set<string>();
    for (const bad of ['', '.ics', 'abc', `${token}x`, token.replace(/.$/, token.endsWith('A') ? 'B' : 'A'), hashFeedToken(token)]) {
      const response = await calendarFeedResponse(new Request(`${ORIGIN}/calendar/feed/${bad}`), bad, translatorFor);
      expect(response.status, bad).toBe(404);
      bodies.add(await response.text());
    }
    const { token: replacement } = await createFeed(monitor);
    const replaced = await fetchFeed(token);
    expect(replaced.status).toBe(404);
    bodies.add(await replaced.text());
    expect((await fetchFeed(replacement)).status).toBe(200);
    expect(await revokeFeed(monitor)).toBe(true);
    const revoked = await fetchFeed(replacement);
    expect(revoked.status).toBe(404);
    bodies.add(await revoked.text());
    expect(await revokeFeed(monitor)).toBe(false);
    // One answer for every refusal: nothing tells whether a token once existed.
    expect(bodies.size).toBe(1);
  });

  it("never puts a restricted detention in a researcher's feed, and reads the role at each request", async () => {
    const reader = await createActor('monitor');
    const { token } = await createFeed(reader);
    const asMonitor = mine(parseFeed(await (await fetchFeed(token)).text()));
    expect(asMonitor.map((e) => e.url)).toEqual([`${ORIGIN}/cases/${openId}`, `${ORIGIN}/cases/${hiddenId}`]);
    await db.update(users).set({ role: 'researcher' }).where(eq(users.id, reader.id));
    const asResearcher = await (await fetchFeed(token)).text();
    expect(mine(parseFeed(asResearcher)).map((e) => e.url)).toEqual([`${ORIGIN}/cases/${openId}`]);
    expect(asResearcher).not.toContain(`${tag} Hidden`);

    const { token: theirs } = await createFeed(researcher);
    const researcherFeed = await (await fetchFeed(theirs)).text();
    expect(researcherFeed).not.toContain(`${tag} Hidden`);
    expect(researcherFeed).not.toContain(`/cases/${hiddenId}`);
  });

  it('speaks the language its owner saved on their account (calendar apps send none)', async () => {
    const reader = await createActor('monitor');
    const { token } = await createFeed(reader);
    // Unfolded first: a long Cyrillic name is folded over two lines (RFC 5545 §3.1).
    const calendarName = (text: string) => /X-WR-CALNAME:(.*)/.exec(text.replace(/\r\n /g, ''))?.[1]?.trim();
    expect(calendarName(await (await fetchFeed(token)).text())).toBe(messages.calendar.feed.name);
    await db.update(users).set({ locale: 'ru' }).where(eq(users.id, reader.id));
    expect(calendarName(await (await fetchFeed(token)).text())).toBe(ruMessages.calendar.feed.name);
  });

  it("answers 404 once the feed's user is disabled", async () => {
    const leaving = await createActor('monitor');
    const { token } = await createFeed(leaving);
    expect((await fetchFeed(token)).status).toBe(200);
    await db.update(users).set({ disabled: true }).where(eq(users.id, leaving.id));
    expect((await fetchFeed(token)).status).toBe(404);
  });

  it('records creation, replacement and revocation in the audit trail, never the token', async () => {
    const actor = await createActor('monitor');
    const first = await createFeed(actor, '203.0.113.9');
    const second = await createFeed(actor);
    await revokeFeed(actor);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.actorId, actor.id)).orderBy(auditEvents.id);
    expect(events.map((e) => [e.action, e.targetKind, e.details])).toEqual([
      ['calendar_feed_created', 'calendar_feed', { replaced: false }],
      ['calendar_feed_created', 'calendar_feed', { replaced: true }],
      ['calendar_feed_revoked', 'calendar_feed', {}],
    ]);
    expect(events[0].ip).toBe('203.0.113.9');
    const trail = JSON.stringify(events);
    for (const token of [first.token, second.token]) {
      expect(trail).not.toContain(token);
      expect(trail).not.toContain(hashFeedToken(token));
    }
  });
});
