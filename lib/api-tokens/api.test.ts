import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { apiTokens, evidenceBlobs, sourceCaptures, sources, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, unique, validCase } from '@/lib/test/factories';
import { getDetentionResponse, listDetentionsResponse } from './api';
import { createApiToken, revokeApiToken } from './queries';
import { bearerToken, generateToken, hashToken } from './tokens';

useTestDatabase();

const BASE = 'https://cases.example.org/api/v1/detentions';
const roomy = { limit: 1000, windowMs: 60_000 };
let admin: Actor;
let monitor: Actor;
let token: string;
let shareable: number[];
let restricted: number;
const tag = unique('Api').replace(/[^a-z0-9]/gi, '').toLowerCase();

const get = (path: string, auth?: string) => new Request(`${BASE}${path}`, { headers: auth ? { authorization: auth } : {} });

async function create(overrides: Record<string, unknown>) {
  const result = await createCase(monitor, await validCase(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

beforeAll(async () => {
  admin = await createActor('admin');
  monitor = await createActor('monitor');
  token = (await createApiToken(admin, 'Partner NGO')).token;
  shareable = [
    await create({
      personName: `${tag} One`,
      notes: 'INTERNAL-NOTE',
      publicNotes: 'Public note',
      placePrecision: 'region',
      placeId: '',
      region: 'Almaty Region',
      detained: { on: '2019-03-18', qualifier: 'on_or_before', asReported: 'became known on 18 March' },
      charges: [
        {
          chargeId: String(await chargeId('coao-488')),
          part: '3',
          basisOrigin: 'stated',
          chargeText: 'calling for protests',
          outcome: 'convicted',
          penalties: [{ kind: 'fine', amount: '135', unit: 'USD', asReported: 'about $135' }],
        },
        { chargeText: 'disobeying the police', outcome: 'on_appeal', penalties: [{ kind: 'fine', amount: '30', unit: 'MCI' }] },
      ],
      events: [{ kind: 'hearing_scheduled', date: { on: '2019-03-25' }, source: '1' }],
    }),
    await create({ personName: `${tag} Two` }),
  ];
  restricted = await create({ personName: `${tag} Hidden`, confidentiality: 'restricted' });
});

describe('API tokens', () => {
  it('stores only a SHA-256 hash of the token', async () => {
    const { id, token: fresh } = await createApiToken(admin, 'Hash check');
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.tokenHash).toBe(hashToken(fresh));
    expect(JSON.stringify(row)).not.toContain(fresh);
    expect(fresh).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);
  });

  it('reads a bearer header, refusing anything else', () => {
    const t = generateToken();
    expect(bearerToken(`Bearer ${t}`)).toBe(t);
    expect(bearerToken(`bearer  ${t}`)).toBe(t);
    for (const header of [null, '', t, `Basic ${t}`, 'Bearer ', 'Bearer ctk_short', `Bearer ${t} extra`]) expect(bearerToken(header)).toBeNull();
  });
});

describe('token checks', () => {
  it('answers 401 for a missing, malformed, wrong or revoked token', async () => {
    const missing = await listDetentionsResponse(get(''), roomy);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect((await listDetentionsResponse(get('', 'Bearer not-a-token'), roomy)).status).toBe(401);
    expect((await listDetentionsResponse(get('', `Bearer ${generateToken()}`), roomy)).status).toBe(401);
    expect((await getDetentionResponse(get(`/${shareable[0]}`, `Bearer ${generateToken()}`), String(shareable[0]), roomy)).status).toBe(401);

    const { id, token: doomed } = await createApiToken(admin, 'Soon revoked');
    expect((await listDetentionsResponse(get('', `Bearer ${doomed}`), roomy)).status).toBe(200);
    expect(await revokeApiToken(admin, id)).toBe(true);
    expect((await listDetentionsResponse(get('', `Bearer ${doomed}`), roomy)).status).toBe(401);
    expect((await getDetentionResponse(get(`/${shareable[0]}`, `Bearer ${doomed}`), String(shareable[0]), roomy)).status).toBe(401);
  });

  it('answers 401 once the admin who made the token is disabled or no longer an admin', async () => {
    const issuer = await createActor('admin');
    const { token: theirs } = await createApiToken(issuer, 'Made by an admin who leaves');
    expect((await listDetentionsResponse(get('', `Bearer ${theirs}`), roomy)).status).toBe(200);
    await db.update(users).set({ disabled: true }).where(eq(users.id, issuer.id));
    expect((await listDetentionsResponse(get('', `Bearer ${theirs}`), roomy)).status).toBe(401);
    expect((await getDetentionResponse(get(`/${shareable[0]}`, `Bearer ${theirs}`), String(shareable[0]), roomy)).status).toBe(401);
    await db.update(users).set({ disabled: false, role: 'researcher' }).where(eq(users.id, issuer.id));
    expect((await listDetentionsResponse(get('', `Bearer ${theirs}`), roomy)).status).toBe(401);
    await db.update(users).set({ role: 'admin' }).where(eq(users.id, issuer.id));
    expect((await listDetentionsResponse(get('', `Bearer ${theirs}`), roomy)).status).toBe(200);
  });

  it('limits requests per token per window, with Retry-After', async () => {
    const { token: busy } = await createApiToken(admin, 'Busy partner');
    // A fixed clock, so the three requests never straddle two windows.
    const tight = { limit: 2, windowMs: 60_000, now: () => new Date('2021-01-10T08:00:30Z') };
    expect((await listDetentionsResponse(get('?limit=1', `Bearer ${busy}`), tight)).status).toBe(200);
    expect((await listDetentionsResponse(get('?limit=1', `Bearer ${busy}`), tight)).status).toBe(200);
    const refused = await listDetentionsResponse(get('?limit=1', `Bearer ${busy}`), tight);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('30');
    // The next window starts afresh.
    const later = { ...tight, now: () => new Date('2021-01-10T08:01:00Z') };
    expect((await listDetentionsResponse(get('?limit=1', `Bearer ${busy}`), later)).status).toBe(200);
    // Another token has its own count.
    expect((await listDetentionsResponse(get('?limit=1', `Bearer ${token}`), tight)).status).toBe(200);
  });
});

describe('what a partner reads', () => {
  it('lists with the case filters, each item with its sources, never a restricted record or a note', async () => {
    const response = await listDetentionsResponse(get(`?q=${tag}&confidentiality=restricted`, `Bearer ${token}`), roomy);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.map((d: { id: number }) => d.id)).toEqual(shareable);
    expect(body.data[0].sources).toHaveLength(1);
    expect(body.data[0].sources[0].url).toMatch(/^https:\/\/news\.example\.org\//);
    expect(body.data[0].link).toBe(`https://cases.example.org/cases/${shareable[0]}`);
    expect(JSON.stringify(body)).not.toContain('INTERNAL-NOTE');
    expect(JSON.stringify(body)).not.toContain('Hidden');
    expect(body.data[0]).not.toHaveProperty('notes');
    expect(body.data[0]).not.toHaveProperty('internal_notes');
  });

  it('gives the nested model: place precision, intervals, charges with parts, basis and penalties in any currency, events, public notes, custody', async () => {
    const body = await (await getDetentionResponse(get(`/${shareable[0]}`, `Bearer ${token}`), String(shareable[0]), roomy)).json();
    const d = body.data;
    expect(d).toMatchObject({
      place_precision: 'region',
      city: null,
      region: 'Almaty Region',
      detained: { earliest: null, latest: '2019-03-18', qualifier: 'on_or_before', as_reported: 'became known on 18 March' },
      public_notes: 'Public note',
      custody: { status: 'unknown', presumed: false, next_hearing_on: '2019-03-25', from: null },
    });
    expect(d.charges).toEqual([
      expect.objectContaining({
        legal_basis: 'CoAO art. 488',
        vocabulary: 'coao-488',
        code: 'administrative',
        article: '488',
        part: '3',
        basis_origin: 'stated',
        text: 'calling for protests',
        outcome: 'convicted',
        penalties: [{ kind: 'fine', amount: 135, unit: 'USD', as_reported: 'about $135', replaced_by: null }],
      }),
      expect.objectContaining({ legal_basis: null, basis_origin: null, outcome: 'on_appeal', penalties: [{ kind: 'fine', amount: 30, unit: 'MCI', as_reported: null, replaced_by: null }] }),
    ]);
    expect(d.events).toEqual([
      { kind: 'hearing_scheduled', date: { earliest: '2019-03-25', latest: '2019-03-25', qualifier: 'exact', as_reported: null }, place: null, place_detail: null, note: null, source_url: d.sources[0].url },
    ]);
    expect(JSON.stringify(body)).not.toContain('INTERNAL-NOTE');
  });

  it('pages with a cursor', async () => {
    const first = await (await listDetentionsResponse(get(`?q=${tag}&limit=1`, `Bearer ${token}`), roomy)).json();
    expect(first.data.map((d: { id: number }) => d.id)).toEqual([shareable[0]]);
    expect(first.next_after).toBe(shareable[0]);
    const next = new URL(first.next);
    const second = await (await listDetentionsResponse(get(next.search, `Bearer ${token}`), roomy)).json();
    expect(second.data.map((d: { id: number }) => d.id)).toEqual([shareable[1]]);
    expect(second.next).toBeNull();
    expect((await listDetentionsResponse(get('?limit=500', `Bearer ${token}`), roomy)).status).toBe(400);
  });

  it('answers 400 naming a filter that is not a real day, never a 500', async () => {
    for (const day of ['2021-02-30', '0000-01-01', '2021-13-45']) {
      const response = await listDetentionsResponse(get(`?from=${day}&to=2021-01-31`, `Bearer ${token}`), roomy);
      expect(response.status, day).toBe(400);
      expect(await response.json()).toEqual({ error: 'invalid_parameter', parameters: ['from'] });
    }
  });

  it('gives one detention by id, and 404 for a restricted, unknown or malformed id', async () => {
    const ok = await getDetentionResponse(get(`/${shareable[1]}`, `Bearer ${token}`), String(shareable[1]), roomy);
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toMatchObject({ id: shareable[1], activist: `${tag} Two` });
    for (const id of [String(restricted), '999999999', '0', 'abc', '-1', '1e3', '12345678901234567890', '%00'])
      expect((await getDetentionResponse(get(`/${encodeURIComponent(id)}`, `Bearer ${token}`), id, roomy)).status, id).toBe(404);
  });
});

describe('first captures in the API', () => {
  it('gives each source its first successful capture (time and SHA-256), or null', async () => {
    const url = `https://news.example.org/${unique('captured').replace(/\s+/g, '-')}`;
    const id = await create({ personName: `${tag} Captured`, sources: [{ url, title: 'Captured report' }] });
    const body = Buffer.from(`the article ${tag}`);
    const sha256 = createHash('sha256').update(body).digest('hex');
    const [source] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, url));
    await db.insert(evidenceBlobs).values({ sha256, size: body.length, bytes: body }).onConflictDoNothing();
    const capturedAt = new Date('2026-05-01T12:00:00Z');
    await db.insert(sourceCaptures).values({
      sourceId: source.id, method: 'fetch', requestedAt: capturedAt, capturedAt, requestedUrl: url, finalUrl: url, httpStatus: 200,
      outcome: 'ok', primarySha256: sha256, manifest: 'm', manifestSha256: sha256,
    });
    const one = await (await getDetentionResponse(get(`/${id}`, `Bearer ${token}`), String(id), roomy)).json();
    expect(one.data.sources).toEqual([expect.objectContaining({ url, first_capture: { captured_at: '2026-05-01T12:00:00.000Z', sha256 } })]);
    const other = await (await getDetentionResponse(get(`/${shareable[1]}`, `Bearer ${token}`), String(shareable[1]), roomy)).json();
    expect(other.data.sources[0].first_capture).toBeNull();
  });
});
