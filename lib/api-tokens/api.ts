import 'server-only';
import { z } from 'zod';
import { auditedCaseFilters } from '@/lib/audit/filters';
import { recordAudit } from '@/lib/audit/log';
import type { Actor } from '@/lib/auth/policy';
import { readCaseFilters } from '@/lib/cases/filters';
import { exportJson, type ExportRecord } from '@/lib/exports/columns';
import { firstCapturesByUrl } from '@/lib/evidence/queries';
import { publicOrigin } from '@/lib/exports/origin';
import { readExportBatch } from '@/lib/exports/queries';
import { logError } from '@/lib/log';
import { clientIpFrom } from '@/lib/request/client';
import { authenticateApiToken, hitRateLimit, rateLimitConfig, type RateLimit } from './queries';
import { bearerToken } from './tokens';

/**
 * The read-only partner API (GET /api/v1/detentions and /api/v1/detentions/{id}). A token reads as
 * a researcher: never a restricted record, never internal notes.
 */

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

const unauthorized = (error: 'missing_token' | 'invalid_token') =>
  json({ error: 'unauthorized', detail: error }, 401, {
    'WWW-Authenticate': error === 'missing_token' ? 'Bearer realm="api"' : 'Bearer realm="api", error="invalid_token"',
  });

const notFound = () => json({ error: 'not_found' }, 404);

/** A known token: it reads as its creator, who is the actor of its calls in the audit trail. */
type Caller = { actor: Actor; tokenId: number; headers: Record<string, string> };
type Guarded = Caller | { response: Response; caller?: Caller };

/** Who is asking (401 otherwise) and whether they may ask now (429, from a known caller, otherwise). */
async function guard(request: Request, limits: RateLimit): Promise<Guarded> {
  const header = request.headers.get('authorization');
  const token = bearerToken(header);
  if (!token) return { response: unauthorized(header ? 'invalid_token' : 'missing_token') };
  const found = await authenticateApiToken(token);
  if (!found) return { response: unauthorized('invalid_token') };
  const rate = await hitRateLimit(found.id, limits);
  const headers = {
    'X-RateLimit-Limit': String(rate.limit),
    'X-RateLimit-Remaining': String(rate.remaining),
    'X-RateLimit-Reset': String(rate.resetSeconds),
  };
  const caller: Caller = { actor: { id: found.createdById, role: 'researcher' }, tokenId: found.id, headers };
  if (!rate.ok) return { response: json({ error: 'rate_limited' }, 429, { ...headers, 'Retry-After': String(rate.resetSeconds) }), caller };
  return caller;
}

/** Records one call of a known token; 401s name no token and are not recorded, so strangers can't flood the trail. */
async function recordApiCall(request: Request, caller: Caller, status: number, details: Record<string, unknown> = {}) {
  await recordAudit({
    action: 'api_call',
    actorId: caller.actor.id,
    targetKind: 'token',
    targetId: caller.tokenId,
    ip: clientIpFrom(request.headers),
    details: { path: new URL(request.url).pathname, status, ...details },
  });
}

type Answer = { response: Response; details?: Record<string, unknown> };

/** Guards the request, answers it, and records the call with its status and what `work` reports. */
async function handle(request: Request, limits: RateLimit, work: (caller: Caller) => Promise<Answer>): Promise<Response> {
  return safely(async () => {
    const who = await guard(request, limits);
    if ('response' in who) {
      if (who.caller) await recordApiCall(request, who.caller, who.response.status);
      return who.response;
    }
    let answer: Answer;
    try {
      answer = await work(who);
    } catch (error) {
      await recordApiCall(request, who, 500).catch(() => undefined);
      throw error;
    }
    await recordApiCall(request, who, answer.response.status, answer.details);
    return answer.response;
  });
}

async function safely(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    // Never the error's text: it may quote a record.
    logError('API request failed', error);
    return json({ error: 'server_error' }, 500);
  }
}

/**
 * A record as the API returns it: the export's JSON, each source with its first capture (when, UTC,
 * and the SHA-256 of the bytes received), so a partner can tell which page the record rests on.
 */
async function apiRecords(records: ExportRecord[]) {
  const first = await firstCapturesByUrl(records.flatMap((r) => r.sources.map((s) => s.url)));
  return records.map((record) => {
    const json = exportJson(record, { includeNotes: false });
    return {
      ...json,
      sources: json.sources.map((s) => {
        const capture = first.get(s.url);
        return { ...s, first_capture: capture ? { captured_at: capture.capturedAt.toISOString(), sha256: capture.sha256 } : null };
      }),
    };
  });
}

const MAX_PAGE = 100;
const pageInput = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  after: z.coerce.number().int().min(0).max(2_000_000_000).default(0),
});

/** GET /api/v1/detentions?<the /cases filters>&limit=1..100&after=<id>: one page, in id order. */
export async function listDetentionsResponse(request: Request, limits = rateLimitConfig()): Promise<Response> {
  return handle(request, limits, async (who) => {
    const url = new URL(request.url);
    const page = pageInput.safeParse({ limit: url.searchParams.get('limit') ?? undefined, after: url.searchParams.get('after') ?? undefined });
    if (!page.success) {
      const parameters = [...new Set(page.error.issues.map((i) => String(i.path[0])))];
      return { response: json({ error: 'invalid_parameter', parameters }, 400, who.headers), details: { invalid: parameters } };
    }
    const { limit, after } = page.data;
    // limit and after page the API; after is not the case filters' election-window `after`.
    const filterParams = new URLSearchParams(url.searchParams);
    filterParams.delete('limit');
    filterParams.delete('after');
    const { filters, invalid } = readCaseFilters(filterParams);
    if (invalid.length) return { response: json({ error: 'invalid_parameter', parameters: invalid }, 400, who.headers), details: { invalid } };
    const rows = await readExportBatch(who.actor, filters, { afterId: after, limit: limit + 1, origin: publicOrigin(request) });
    const items = rows.slice(0, limit);
    const more = rows.length > limit;
    const nextAfter = more ? items[items.length - 1].id : null;
    let next: string | null = null;
    if (nextAfter !== null) {
      const nextUrl = new URL(`${url.pathname}${url.search}`, publicOrigin(request));
      nextUrl.searchParams.set('after', String(nextAfter));
      nextUrl.searchParams.set('limit', String(limit));
      next = nextUrl.toString();
    }
    return {
      response: json({ data: await apiRecords(items), next_after: nextAfter, next }, 200, who.headers),
      details: { filters: auditedCaseFilters(filters), limit, after, rows: items.length },
    };
  });
}

/** GET /api/v1/detentions/{id}: one detention with its sources; 404 for any id not visible or malformed. */
export async function getDetentionResponse(request: Request, rawId: string, limits = rateLimitConfig()): Promise<Response> {
  return handle(request, limits, async (who) => {
    if (!/^\d{1,9}$/.test(rawId) || Number(rawId) === 0) return { response: notFound(), details: { rows: 0 } };
    const id = Number(rawId);
    // Keyset read from just below the id: the first visible detention is this one, if visible at all.
    const [row] = await readExportBatch(who.actor, {}, { afterId: id - 1, limit: 1, origin: publicOrigin(request) });
    if (!row || row.id !== id) return { response: notFound(), details: { detentionId: id, rows: 0 } };
    return { response: json({ data: (await apiRecords([row]))[0] }, 200, who.headers), details: { detentionId: id, rows: 1 } };
  });
}
