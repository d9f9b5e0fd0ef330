import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { useTestDatabase } from '@/lib/test/database';
import { createActor } from '@/lib/test/factories';
import { purgeAuditEvents, recordAudit } from './log';
import { purgeAuditIfDue } from './retention';

useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
let admin: Actor;

/** An event written `days` ago (only inserts may set `at`; nothing may change it afterwards). */
async function eventAged(days: number): Promise<number> {
  const [row] = await db
    .insert(auditEvents)
    .values({ action: 'export', actorId: admin.id, at: new Date(Date.now() - days * DAY), details: { days } })
    .returning({ id: auditEvents.id });
  return row.id;
}

async function remaining(ids: number[]): Promise<number[]> {
  const rows = await db.select({ id: auditEvents.id }).from(auditEvents).where(inArray(auditEvents.id, ids));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** The database's own message, wherever the driver put it. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  return 'not refused';
}

beforeAll(async () => {
  admin = await createActor('admin');
});

describe('the audit trail is append-only in the database', () => {
  it('records an event with who, what, target, address and details', async () => {
    await recordAudit({ action: 'token_revoked', actorId: admin.id, targetKind: 'token', targetId: 12, ip: '203.0.113.9', details: { why: 'test' } });
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.actorId, admin.id)).orderBy(sql`${auditEvents.id} DESC`).limit(1);
    expect(row).toMatchObject({ action: 'token_revoked', targetKind: 'token', targetId: '12', ip: '203.0.113.9', details: { why: 'test' } });
  });

  it('refuses UPDATE', async () => {
    const id = await eventAged(1);
    expect(await refusal(db.update(auditEvents).set({ action: 'sign_in' }).where(eq(auditEvents.id, id)))).toMatch(/append-only \(UPDATE refused\)/);
    expect(await remaining([id])).toEqual([id]);
  });

  it('refuses DELETE, even of an old row, outside the purge', async () => {
    const id = await eventAged(400);
    expect(await refusal(db.delete(auditEvents).where(eq(auditEvents.id, id)))).toMatch(/append-only \(DELETE refused\)/);
    expect(await remaining([id])).toEqual([id]);
  });

  it('refuses TRUNCATE', async () => {
    const id = await eventAged(1);
    expect(await refusal(db.execute(sql`TRUNCATE audit_events`))).toMatch(/append-only \(TRUNCATE refused\)/);
    expect(await remaining([id])).toEqual([id]);
  });

  it('refuses, with the purge flag set, to delete anything from the last 30 days', async () => {
    const id = await eventAged(29);
    const attempt = db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('case_tracker.audit_purge', 'on', true)`);
      await tx.delete(auditEvents).where(eq(auditEvents.id, id));
    });
    expect(await refusal(attempt)).toMatch(/append-only \(DELETE refused\)/);
    expect(await remaining([id])).toEqual([id]);
  });
});

describe('retention purge', () => {
  it('removes only events older than the retention', async () => {
    const ids = [await eventAged(10), await eventAged(100), await eventAged(400), await eventAged(800)];
    expect(await purgeAuditEvents(365)).toBeGreaterThanOrEqual(2);
    expect(await remaining(ids)).toEqual(ids.slice(0, 2));
  });

  it('never reaches the last 30 days, whatever retention is asked for', async () => {
    const ids = [await eventAged(1), await eventAged(29), await eventAged(31)];
    expect(await purgeAuditEvents(1)).toBeGreaterThanOrEqual(1);
    expect(await remaining(ids)).toEqual(ids.slice(0, 2));
    await purgeAuditEvents(0);
    await purgeAuditEvents(-5);
    expect(await remaining(ids)).toEqual(ids.slice(0, 2));
  });

  it('runs at most once a day and records each purge with its count', async () => {
    const old = await eventAged(900);
    const removed = await purgeAuditIfDue(730);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await remaining([old])).toEqual([]);
    const [purged] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'audit_purged')).orderBy(sql`${auditEvents.id} DESC`).limit(1);
    expect(purged).toMatchObject({ actorId: null, targetKind: 'audit', details: { removed, retentionDays: 730 } });

    const again = await eventAged(900);
    expect(await purgeAuditIfDue(730)).toBeNull();
    expect(await remaining([again])).toEqual([again]);
  });
});
