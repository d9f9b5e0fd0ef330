import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique } from '@/lib/test/factories';
import type { AuditFilters } from './filters';
import { AuditAccessDenied, listAuditEvents, streamAuditCsv } from './queries';

useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
// Recent days only: the purge test elsewhere may remove anything older than 30 days meanwhile.
const midnight = new Date(Math.floor(Date.now() / DAY) * DAY - 5 * DAY);
const at = (dayOffset: number, time: string) => new Date(midnight.getTime() + dayOffset * DAY + Date.parse(`1970-01-01T${time}Z`));
const dayOf = (dayOffset: number) => at(dayOffset, '00:00:00').toISOString().slice(0, 10);

let admin: Actor;
let other: Actor;
let ids: number[];
// Tests share the database: each query is scoped to this run's target id.
const tag = unique('t').replace(/[^A-Za-z0-9]/g, '');

beforeAll(async () => {
  admin = await createActor('admin');
  const [row] = await db
    .insert(users)
    .values({ email: `${tag}@example.org`, name: '=HYPERLINK("https://evil.example")', role: 'monitor', passwordHash: 'unused' })
    .returning({ id: users.id });
  other = { id: row.id, role: 'monitor' };
  const events = [
    { action: 'export', actorId: admin.id, targetKind: 'detention', at: at(0, '10:00:00') },
    { action: 'report', actorId: admin.id, targetKind: 'detention', at: at(1, '23:59:59') },
    { action: 'export', actorId: other.id, targetKind: 'detention', at: at(2, '00:00:00') },
    { action: 'view_restricted_person', actorId: other.id, targetKind: 'person', at: at(2, '12:00:00') },
    { action: 'export', actorId: admin.id, targetKind: 'detention', at: at(3, '08:00:00') },
  ];
  ids = [];
  for (const e of events) {
    const [inserted] = await db
      .insert(auditEvents)
      .values({ ...e, targetId: tag, ip: '198.51.100.7', details: { filters: { city: 3 }, rows: 2 } })
      .returning({ id: auditEvents.id });
    ids.push(inserted.id);
  }
});

const list = async (filters: AuditFilters, limit?: number) => (await listAuditEvents(admin, { targetId: tag, ...filters }, limit)).events.map((e) => e.id);

describe('listAuditEvents', () => {
  it('lists newest first, with who acted', async () => {
    const { events } = await listAuditEvents(admin, { targetId: tag });
    expect(events.map((e) => e.id)).toEqual([...ids].reverse());
    expect(events[0]).toMatchObject({ actorId: admin.id, actorName: 'Test admin', action: 'export', targetKind: 'detention', ip: '198.51.100.7', details: { rows: 2 } });
  });

  it('filters by actor, action and target kind', async () => {
    expect(await list({ actor: other.id })).toEqual([ids[3], ids[2]]);
    expect(await list({ action: 'export' })).toEqual([ids[4], ids[2], ids[0]]);
    expect(await list({ action: 'export', actor: admin.id })).toEqual([ids[4], ids[0]]);
    expect(await list({ targetKind: 'person' })).toEqual([ids[3]]);
    expect(await listAuditEvents(admin, { targetId: `${tag}x` })).toEqual({ events: [], nextBefore: null });
  });

  it('filters by whole UTC days, both ends inclusive', async () => {
    expect(await list({ from: dayOf(1), to: dayOf(1) })).toEqual([ids[1]]);
    expect(await list({ from: dayOf(2) })).toEqual([ids[4], ids[3], ids[2]]);
    expect(await list({ to: dayOf(1) })).toEqual([ids[1], ids[0]]);
    expect(await list({ from: dayOf(3), to: dayOf(0) })).toEqual([]);
  });

  it('pages by keyset without gaps or repeats', async () => {
    const first = await listAuditEvents(admin, { targetId: tag }, 2);
    expect(first.events.map((e) => e.id)).toEqual([ids[4], ids[3]]);
    const second = await listAuditEvents(admin, { targetId: tag, before: first.nextBefore! }, 2);
    expect(second.events.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    const last = await listAuditEvents(admin, { targetId: tag, before: second.nextBefore! }, 2);
    expect(last).toMatchObject({ events: [{ id: ids[0] }], nextBefore: null });
  });

  it('shows nothing to anyone without the audit permission', async () => {
    await expect(listAuditEvents({ id: other.id, role: 'monitor' }, {})).rejects.toBeInstanceOf(AuditAccessDenied);
    expect(() => streamAuditCsv({ id: other.id, role: 'researcher' }, {}, async () => {})).toThrow(AuditAccessDenied);
  });
});

describe('streamAuditCsv', () => {
  it('streams every matching event in batches, neutralises formulas, and reports the count', async () => {
    const finished: [number, boolean][] = [];
    const body = streamAuditCsv(admin, { targetId: tag, action: 'export' }, async (rows, completed) => void finished.push([rows, completed]), 2);
    const text = await new Response(body).text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at_utc,actor_id,actor_name,actor_email,action,target_kind,target_id,ip,details');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([ids[4], ids[2], ids[0]]);
    expect(lines[2]).toContain(`,"'=HYPERLINK(""https://evil.example"")",${tag}@example.org,export,detention,${tag},198.51.100.7,`);
    expect(lines[1]).toContain(`${at(3, '08:00:00').toISOString()}`);
    // jsonb keeps its own key order: check the parts.
    expect(lines[1]).toMatch(/,"\{.*""rows"":2.*\}"$/);
    expect(lines[1]).toContain('""filters"":{""city"":3}');
    expect(finished).toEqual([[3, true]]);
  });

  it('reports a download cut off as incomplete', async () => {
    const finished: [number, boolean][] = [];
    const reader = streamAuditCsv(admin, { targetId: tag }, async (rows, completed) => void finished.push([rows, completed]), 1).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(finished).toEqual([[1, false]]);
  });
});
