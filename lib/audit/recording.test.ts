import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents } from '@/db/schema';
import { getDetentionResponse, listDetentionsResponse } from '@/lib/api-tokens/api';
import { createApiToken } from '@/lib/api-tokens/queries';
import { generateToken } from '@/lib/api-tokens/tokens';
import type { Actor } from '@/lib/auth/policy';
import { useTestDatabase } from '@/lib/test/database';
import { createActor } from '@/lib/test/factories';
import { recordRestrictedView } from './views';

useTestDatabase();

const BASE = 'https://cases.example.org/api/v1/detentions';
const roomy = { limit: 1000, windowMs: 60_000 };
let admin: Actor;
let token: { id: number; token: string };

const call = (path: string, bearer: string) =>
  new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${bearer}`, 'x-forwarded-for': '192.0.2.44' } });

async function callsOf(tokenId: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'api_call'), eq(auditEvents.targetId, String(tokenId))))
    .orderBy(desc(auditEvents.id));
}

beforeAll(async () => {
  admin = await createActor('admin');
  token = await createApiToken(admin, 'Audit partner');
});

describe('API calls in the audit trail', () => {
  it('records each call of a token as its creator, with path, status, filters and rows, never the search text', async () => {
    expect((await listDetentionsResponse(call('?q=Serikbaev&city=3&limit=5', token.token), roomy)).status).toBe(200);
    const [event] = await callsOf(token.id);
    expect(event).toMatchObject({ actorId: admin.id, targetKind: 'token', ip: '192.0.2.44' });
    expect(event.details).toEqual({ path: '/api/v1/detentions', status: 200, filters: { q: true, city: 3 }, limit: 5, after: 0, rows: expect.any(Number) });
    expect(JSON.stringify(event)).not.toContain('Serikbaev');
  });

  it('records refusals and misses of a known token too', async () => {
    expect((await listDetentionsResponse(call('?limit=1000', token.token), roomy)).status).toBe(400);
    expect((await getDetentionResponse(call('/999999999', token.token), '999999999', roomy)).status).toBe(404);
    const [missing, invalid] = await callsOf(token.id);
    expect(missing.details).toMatchObject({ path: '/api/v1/detentions/999999999', status: 404, rows: 0 });
    expect(invalid.details).toMatchObject({ status: 400, invalid: ['limit'] });

    const busy = await createApiToken(admin, 'Busy partner');
    const tight = { limit: 1, windowMs: 60_000, now: () => new Date('2021-01-10T08:00:30Z') };
    await listDetentionsResponse(call('', busy.token), tight);
    expect((await listDetentionsResponse(call('', busy.token), tight)).status).toBe(429);
    expect((await callsOf(busy.id)).map((e) => e.details.status)).toEqual([429, 200]);
  });

  it('does not record calls without a valid token, which name no one', async () => {
    const before = await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'api_call'));
    expect((await listDetentionsResponse(call('', generateToken()), roomy)).status).toBe(401);
    const after = await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'api_call'));
    expect(after.length).toBe(before.length);
  });
});

describe('restricted views', () => {
  it('records who saw which restricted record, and on which page', async () => {
    await recordRestrictedView(admin, 'person', 4242, 'edit');
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.actorId, admin.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: 'view_restricted_person', targetKind: 'person', targetId: '4242', details: { page: 'edit' } });
  });
});
