import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { WARCParser } from 'warcio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents, captureFiles, evidenceBlobs, sourceCaptures, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique } from '@/lib/test/factories';
import { ARTICLE_SENTENCES, SCRIPT_MARKER, startFixtureSite, type FixtureSite } from '@/lib/test/fixture-site';
import { CAPTURE_SOFTWARE, captureSource } from './capture';
import { buildManifest } from './manifest';
import { PNG_MAX_HEIGHT } from './render';
import { blobPath, readBlob, sha256Hex } from './store';

useTestDatabase();

let site: FixtureSite;
let monitor: Actor;
const original = { ...env };

beforeAll(async () => {
  site = await startFixtureSite();
  monitor = await createActor('monitor');
});
afterEach(() => {
  Object.assign(env, original);
});
afterAll(async () => {
  await site.close();
});

/** A source for a fixture path; the query string keeps every source URL unique. */
async function sourceFor(pathname: string): Promise<number> {
  const separator = pathname.includes('?') ? '&' : '?';
  const url = `${site.origin}${pathname}${separator}t=${encodeURIComponent(unique('s').replace(/\s/g, '-'))}`;
  const [row] = await db.insert(sources).values({ url, title: 'Fixture source', createdById: monitor.id }).returning({ id: sources.id });
  return row.id;
}

async function served(pathname: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(`${site.origin}${pathname}`)).arrayBuffer());
}

async function captureRow(id: number) {
  const [row] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.id, id));
  const files = await db.select().from(captureFiles).where(eq(captureFiles.captureId, id)).orderBy(asc(captureFiles.role));
  return { row, files };
}

async function warcRecords(bytes: Buffer) {
  const records = [];
  for await (const record of new WARCParser([new Uint8Array(bytes)])) {
    const payload = Buffer.from(await record.readFully(true));
    records.push({
      type: record.warcType,
      uri: record.warcTargetURI,
      status: record.httpHeaders?.statusCode,
      headers: record.httpHeaders?.headers,
      warcHeaders: record.warcHeaders.headers,
      payload,
    });
  }
  return records;
}

function allow() {
  env.CAPTURE_ALLOW_HOSTS = ['127.0.0.1'];
}

describe('captureSource', () => {
  it('keeps the article as served, its readable text, a WARC, a PDF and a PNG, all hashed', async () => {
    allow();
    const sourceId = await sourceFor('/article');
    const before = site.hits.get('/article') ?? 0;
    const { captureId, outcome } = await captureSource({ sourceId, requestedBy: monitor });
    expect(outcome).toBe('ok');
    // One request for the page: the renderer used the stored bytes, not a second fetch.
    expect(site.hits.get('/article')).toBe(before + 1);

    const { row, files } = await captureRow(captureId);
    const body = await served('/article');
    expect(row.primarySha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect((await readBlob(row.primarySha256!))?.equals(body)).toBe(true);
    expect(row).toMatchObject({ method: 'fetch', requestedById: monitor.id, httpStatus: 200, outcome: 'ok', detail: null });
    expect(row.finalUrl).toBe(row.requestedUrl);
    expect(row.contentType).toBe('text/html; charset=utf-8');
    expect(row.responseHeaders).toContainEqual(['X-Fixture', 'article']);
    for (const sentence of ARTICLE_SENTENCES) expect(row.readableText).toContain(sentence);
    expect(row.readableText).not.toContain(SCRIPT_MARKER);
    expect(row.readableTitle).toBe('Activist detained outside court in Oral');

    expect(files.map((f) => f.role).sort()).toEqual(['pdf', 'png', 'response', 'text', 'warc']);
    for (const file of files) {
      const bytes = await readBlob(file.sha256);
      expect(bytes && sha256Hex(bytes)).toBe(file.sha256);
      expect(bytes!.length).toBe(file.size);
    }
    expect(buildManifest(files).sha256).toBe(row.manifestSha256);
    expect(buildManifest(files).text).toBe(row.manifest);

    const warc = await warcRecords((await readBlob(files.find((f) => f.role === 'warc')!.sha256))!);
    expect(warc.map((r) => r.type)).toEqual(['warcinfo', 'response', 'request']);
    const response = warc[1];
    expect(response.uri).toBe(row.finalUrl);
    expect(response.status).toBe(200);
    expect(response.headers?.get('X-Fixture')).toBe('article');
    expect(response.payload.equals(body)).toBe(true);
    expect(response.warcHeaders.get('WARC-IP-Address')).toBe('127.0.0.1');
    expect(warc[2].headers?.get('User-Agent')).toBe(env.CAPTURE_USER_AGENT);
    // The WARC names the software that made it, not the browser its fetch looked like.
    expect(warc[0].payload.toString()).toContain(`software: ${CAPTURE_SOFTWARE}`);

    // The PDF shows the article as served, without its script having run.
    const pdf = (await readBlob(files.find((f) => f.role === 'pdf')!.sha256))!;
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('police detained Aigerim Nurlanovna');
    expect(text).not.toContain(SCRIPT_MARKER);
    const png = (await readBlob(files.find((f) => f.role === 'png')!.sha256))!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(row.renderNote).toBeNull();

    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'source_captured'), eq(auditEvents.targetId, String(sourceId))));
    expect(event.actorId).toBe(monitor.id);
    expect(event.details).toMatchObject({ captureId, outcome: 'ok' });
    // No URL (it may name a person) in the audit trail.
    expect(JSON.stringify(event.details)).not.toContain('127.0.0.1');
  });

  it('adds a new capture on a second run and stores identical bytes once', async () => {
    allow();
    env.CAPTURE_RENDER = 'off';
    const sourceId = await sourceFor('/article');
    const first = await captureSource({ sourceId, requestedBy: monitor });
    const second = await captureSource({ sourceId, requestedBy: null });
    expect(second.captureId).not.toBe(first.captureId);
    const a = (await captureRow(first.captureId)).row;
    const b = (await captureRow(second.captureId)).row;
    expect(b.primarySha256).toBe(a.primarySha256);
    expect(b.requestedById).toBeNull();
    const blobs = await db.select({ sha256: evidenceBlobs.sha256 }).from(evidenceBlobs).where(eq(evidenceBlobs.sha256, a.primarySha256!));
    expect(blobs).toHaveLength(1);
    const all = await db.select({ id: sourceCaptures.id }).from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId));
    expect(all).toHaveLength(2);
  });

  it('records every hop of a redirect chain in the WARC', async () => {
    allow();
    env.CAPTURE_RENDER = 'off';
    const sourceId = await sourceFor('/redirect/1');
    const { captureId, outcome } = await captureSource({ sourceId, requestedBy: monitor });
    expect(outcome).toBe('ok');
    const { row, files } = await captureRow(captureId);
    expect(new URL(row.finalUrl!).pathname).toBe('/article');
    const warc = await warcRecords((await readBlob(files.find((f) => f.role === 'warc')!.sha256))!);
    expect(warc.filter((r) => r.type === 'response').map((r) => r.status)).toEqual([301, 302, 307, 200]);
    expect(warc.filter((r) => r.type === 'request')).toHaveLength(4);
  });

  it.each([
    ['/redirect-private', 'blocked', /private address/],
    ['/redirect-metadata', 'blocked', /metadata/],
    ['/redirect-localhost', 'blocked', /localhost resolves to/],
    ['/binary', 'unsupported_type', /application\/octet-stream/],
  ] as const)('records a refused capture (%s → %s)', async (pathname, expected, detail) => {
    allow();
    const sourceId = await sourceFor(pathname);
    const { captureId, outcome } = await captureSource({ sourceId, requestedBy: monitor });
    expect(outcome).toBe(expected);
    const { row, files } = await captureRow(captureId);
    expect(row.detail).toMatch(detail);
    expect(row.primarySha256).toBeNull();
    expect(row.readableText).toBeNull();
    expect(files.map((f) => f.role)).toEqual(['warc']);
  });

  it('refuses the fixture host itself when CAPTURE_ALLOW_HOSTS does not list it', async () => {
    env.CAPTURE_ALLOW_HOSTS = [];
    const sourceId = await sourceFor('/article');
    const { captureId, outcome } = await captureSource({ sourceId, requestedBy: monitor });
    expect(outcome).toBe('blocked');
    const { row, files } = await captureRow(captureId);
    expect(row.detail).toMatch(/loopback.*CAPTURE_ALLOW_HOSTS/);
    expect(row.finalUrl).toBeNull();
    expect(files).toEqual([]);
    expect(row.manifestSha256).toBe(buildManifest([]).sha256);
  });

  it('keeps what a 404 sent back, as an HTTP error', async () => {
    allow();
    const sourceId = await sourceFor('/missing');
    const { captureId, outcome } = await captureSource({ sourceId, requestedBy: monitor });
    expect(outcome).toBe('http_error');
    const { row, files } = await captureRow(captureId);
    expect(row.httpStatus).toBe(404);
    expect((await readBlob(row.primarySha256!))?.toString()).toContain('Page not found');
    expect(files.map((f) => f.role).sort()).toEqual(['response', 'warc']);
  });

  it('refuses a body over the size limit and a server that is too slow', async () => {
    allow();
    env.CAPTURE_MAX_BYTES = 512 * 1024;
    env.CAPTURE_TIMEOUT_MS = 700;
    const large = await captureSource({ sourceId: await sourceFor('/large'), requestedBy: monitor });
    expect(large.outcome).toBe('too_large');
    const slow = await captureSource({ sourceId: await sourceFor('/slow'), requestedBy: monitor });
    expect(slow.outcome).toBe('timeout');
    expect((await captureRow(slow.captureId)).row.detail).toMatch(/700 ms/);
  });

  it('still captures without Chromium, saying why there is no rendering', async () => {
    allow();
    env.CHROMIUM_PATH = '/nonexistent/chromium';
    const { captureId, outcome } = await captureSource({ sourceId: await sourceFor('/article'), requestedBy: monitor });
    expect(outcome).toBe('ok');
    const { row, files } = await captureRow(captureId);
    expect(row.renderNote).toMatch(/Chromium is not available/);
    expect(files.map((f) => f.role).sort()).toEqual(['response', 'text', 'warc']);
    env.CHROMIUM_PATH = original.CHROMIUM_PATH;
    env.CAPTURE_RENDER = 'off';
    const off = await captureSource({ sourceId: await sourceFor('/article'), requestedBy: monitor });
    expect((await captureRow(off.captureId)).row.renderNote).toMatch(/CAPTURE_RENDER=off/);
  });

  it('renders with every sub-request under the address policy, within a few seconds', async () => {
    allow();
    const sourceId = await sourceFor('/article-with-assets');
    const articleHits = site.hits.get('/article') ?? 0;
    const pixelHits = site.hits.get('/pixel.png') ?? 0;
    const started = Date.now();
    const { captureId } = await captureSource({ sourceId, requestedBy: monitor });
    const elapsed = Date.now() - started;
    const { row, files } = await captureRow(captureId);
    expect(files.map((f) => f.role)).toContain('png');
    // Allowed sub-resources were fetched through the fetcher ...
    expect(site.hits.get('/pixel.png')).toBe(pixelHits + 1);
    // ... the frame at localhost (resolving to loopback, not listed) was refused, not loaded.
    expect(site.hits.get('/article') ?? 0).toBe(articleHits);
    expect(row.renderNote).toBeNull();
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('rendering a very long page', () => {
  it('cuts the PNG at its maximum height and says so', async () => {
    allow();
    const { captureId } = await captureSource({ sourceId: await sourceFor('/tall'), requestedBy: monitor });
    const { row, files } = await captureRow(captureId);
    const png = (await readBlob(files.find((f) => f.role === 'png')!.sha256))!;
    // PNG IHDR: width and height are the big-endian words at bytes 16 and 20.
    expect(png.readUInt32BE(20)).toBe(PNG_MAX_HEIGHT);
    expect(row.renderNote).toMatch(/first 8000 pixels of a 20000-pixel page/);
    expect(files.map((f) => f.role)).toContain('pdf');
  });
});

describe('captureSource with EVIDENCE_DIR', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes files named by their hash, with no bytes in the database', async () => {
    allow();
    env.CAPTURE_RENDER = 'off';
    env.EVIDENCE_DIR = dir;
    // A body of its own, so the blob is new to this database (not already stored in the table).
    const sourceId = await sourceFor('/redirect/1?to=/echo-cookie');
    const { captureId, outcome } = await captureSource({ sourceId, requestedBy: monitor });
    expect(outcome).toBe('ok');
    const { files } = await captureRow(captureId);
    const warc = files.find((f) => f.role === 'warc')!;
    const [blob] = await db.select().from(evidenceBlobs).where(eq(evidenceBlobs.sha256, warc.sha256));
    expect(blob.bytes).toBeNull();
    const file = blobPath(dir, warc.sha256);
    expect(file).toBe(path.join(dir, warc.sha256.slice(0, 2), warc.sha256.slice(2, 4), warc.sha256));
    expect(sha256Hex(readFileSync(file))).toBe(warc.sha256);
    expect(sha256Hex((await readBlob(warc.sha256))!)).toBe(warc.sha256);
    // No temporary files left behind.
    expect(readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    // A corrupted or missing file is found missing/different, never silently replaced by the database.
    rmSync(file);
    expect(existsSync(file)).toBe(false);
    expect(await readBlob(warc.sha256)).toBeNull();
  });
});
