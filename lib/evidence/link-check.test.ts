import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { linkChecks } from '@/db/schema';
import { insertTestCapture, insertTestSource } from '@/lib/test/capture-rows';
import { useTestDatabase } from '@/lib/test/database';
import { unique } from '@/lib/test/factories';
import { checkLinks, type LinkCheckDeps, type LivePage } from './link-check';

useTestDatabase();

/** A local site: /article/<id> (the edited variant when toggled), /gone is a 404. */
let origin: string;
let server: http.Server;
let edited = false;
const marker = unique('article');
const articleText = () => `Activist detained in Almaty. ${marker}${edited ? ' Updated: released on bail.' : ''}`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url?.startsWith('/article')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><p>${articleText()}</p></body></html>`);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/**
 * Stand-ins for the capture branch's safe fetcher and readable text (not in this tree yet): a real
 * HTTP fetch of the local site and the paragraph text. The link check itself is what is tested.
 */
const deps: LinkCheckDeps = {
  async fetchPage(url: string): Promise<LivePage> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body = Buffer.from(await response.arrayBuffer());
      return {
        outcome: response.ok ? 'ok' : 'http_error',
        detail: response.ok ? null : `HTTP ${response.status}`,
        finalUrl: response.url,
        status: response.status,
        contentType: response.headers.get('content-type'),
        body,
      };
    } catch {
      return { outcome: 'network_error', detail: 'no answer', finalUrl: null, status: null, contentType: null, body: null };
    }
  },
  readText: (body) => body.toString('utf8').replace(/<[^>]+>/g, '').trim() || null,
};

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

async function capturedSource(path: string) {
  const url = `${origin}${path}`;
  const sourceId = await insertTestSource(url);
  const html = Buffer.from(`<html><body><p>${articleText()}</p></body></html>`);
  await insertTestCapture(
    sourceId,
    [
      { role: 'response', bytes: html, contentType: 'text/html' },
      { role: 'text', bytes: Buffer.from(articleText()), contentType: 'text/plain; charset=utf-8' },
    ],
    { url },
  );
  return sourceId;
}

describe('checkLinks', () => {
  it('records an unchanged page, then the same page edited', async () => {
    const sourceId = await capturedSource(`/article/${Math.random().toString(36).slice(2)}`);
    const [same] = await checkLinks({ sourceId }, deps);
    expect(same).toMatchObject({ sourceId, outcome: 'ok', httpStatus: 200, gone: false, changed: false });
    const [row] = await db.select().from(linkChecks).where(eq(linkChecks.sourceId, sourceId));
    expect(row).toMatchObject({ gone: false, changed: false, textSha256: sha256Hex(articleText()) });

    edited = true;
    try {
      const [after] = await checkLinks({ sourceId }, deps);
      expect(after).toMatchObject({ gone: false, changed: true });
    } finally {
      edited = false;
    }
    const rows = await db.select().from(linkChecks).where(eq(linkChecks.sourceId, sourceId)).orderBy(desc(linkChecks.id));
    expect(rows.map((r) => r.changed)).toEqual([true, false]);
  });

  it('records a page that answers 404, or nothing at all, as gone', async () => {
    const notFound = await capturedSource(`/gone/${Math.random().toString(36).slice(2)}`);
    const [gone] = await checkLinks({ sourceId: notFound }, deps);
    expect(gone).toMatchObject({ outcome: 'http_error', httpStatus: 404, gone: true, changed: false });

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/article/x${Math.random()}`;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await insertTestSource(deadUrl);
    const [none] = await checkLinks({ sourceId: unreachable }, deps);
    expect(none).toMatchObject({ outcome: 'network_error', gone: true, changed: false });
  });

  it('says when there is no capture to compare with, and skips sources checked recently', async () => {
    const sourceId = await insertTestSource(`${origin}/article/${Math.random().toString(36).slice(2)}`);
    const [first] = await checkLinks({ sourceId, staleHours: 24 }, deps);
    expect(first).toMatchObject({ gone: false, changed: false, detail: 'no earlier capture to compare with' });
    expect(await checkLinks({ sourceId, staleHours: 24 }, deps)).toEqual([]);
    expect(await checkLinks({ sourceId, staleHours: 0 }, deps)).toHaveLength(1);
  });

  it('refuses to run without the safe fetcher rather than mark sources gone', async () => {
    await expect(checkLinks({ sourceId: 1 })).rejects.toThrow(/safe fetcher/);
  });
});
