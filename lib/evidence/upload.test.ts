import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents, captureFiles, sourceCaptures, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique } from '@/lib/test/factories';
import { ARTICLE_SENTENCES, PIXEL_PNG, SCRIPT_MARKER, startFixtureSite, type FixtureSite } from '@/lib/test/fixture-site';
import { readBlob, sha256Hex } from './store';
import { sniffType, uploadCapture } from './upload';

useTestDatabase();

let monitor: Actor;
let site: FixtureSite;
const original = { ...env };

beforeAll(async () => {
  monitor = await createActor('monitor');
  site = await startFixtureSite();
});
afterAll(async () => {
  Object.assign(env, original);
  await site.close();
});

async function newSource(): Promise<number> {
  const url = `https://news.example.org/${unique('upload').replace(/\s+/g, '-')}`;
  const [row] = await db.insert(sources).values({ url, title: 'Uploaded source', createdById: monitor.id }).returning({ id: sources.id });
  return row.id;
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

describe('sniffType', () => {
  it.each([
    [PDF, 'application/pdf'],
    [PIXEL_PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
    [WEBP, 'image/webp'],
    [Buffer.from('\ufeff  <!DOCTYPE html><html><body>x</body></html>'), 'text/html'],
    [Buffer.from('<html lang="kk"><body>Қазақша мәтін</body></html>'), 'text/html'],
    [Buffer.from('Полиция задержала активиста у здания суда.\nСвидетели подтвердили.'), 'text/plain'],
  ])('recognises %#', (bytes, type) => {
    expect(sniffType(bytes)).toBe(type);
  });
  it.each([
    ['an executable', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])],
    ['a zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
    ['invalid UTF-8', Buffer.from([0x48, 0x69, 0xc3, 0x28])],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1')],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffType(bytes)).toBeNull();
  });
});

describe('uploadCapture', () => {
  it('keeps a PDF as uploaded, typed by its bytes, marked with who uploaded it', async () => {
    const sourceId = await newSource();
    // The browser claims an image; the bytes say PDF, and the bytes win.
    const result = await uploadCapture({ sourceId, requestedBy: monitor, filename: 'C:\\Users\\me\\report.pdf', contentType: 'image/png', bytes: PDF });
    if (!result.ok) throw new Error(result.error);
    const [capture] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.id, result.captureId));
    expect(capture).toMatchObject({
      method: 'upload',
      outcome: 'ok',
      requestedById: monitor.id,
      contentType: 'application/pdf',
      uploadFilename: 'report.pdf',
      primarySha256: sha256Hex(PDF),
      httpStatus: null,
      finalUrl: null,
    });
    expect((await readBlob(capture.primarySha256!))!.equals(PDF)).toBe(true);
    const files = await db.select().from(captureFiles).where(eq(captureFiles.captureId, result.captureId));
    expect(files).toMatchObject([{ role: 'upload', sha256: sha256Hex(PDF), size: PDF.length, contentType: 'application/pdf' }]);
    const mine = (await db.select().from(auditEvents).where(eq(auditEvents.targetId, String(sourceId)))).find((e) => e.action === 'source_capture_uploaded')!;
    expect(mine.details).toEqual({ captureId: result.captureId, contentType: 'application/pdf', size: PDF.length });
    expect(JSON.stringify(mine.details)).not.toContain('report');
  });

  it('keeps the readable text of an uploaded HTML page, rendered without its scripts', async () => {
    env.CAPTURE_ALLOW_HOSTS = ['127.0.0.1'];
    const sourceId = await newSource();
    const html = Buffer.from(await (await fetch(`${site.origin}/article`)).arrayBuffer());
    const result = await uploadCapture({ sourceId, requestedBy: monitor, filename: 'page.html', contentType: 'text/html', bytes: html });
    if (!result.ok) throw new Error(result.error);
    const [capture] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.id, result.captureId));
    expect(capture.contentType).toBe('text/html; charset=utf-8');
    for (const sentence of ARTICLE_SENTENCES) expect(capture.readableText).toContain(sentence);
    expect(capture.readableText).not.toContain(SCRIPT_MARKER);
    const roles = (await db.select().from(captureFiles).where(eq(captureFiles.captureId, result.captureId))).map((f) => f.role).sort();
    expect(roles).toEqual(['pdf', 'png', 'text', 'upload']);
  });

  it('keeps plain text as its own readable text', async () => {
    const sourceId = await newSource();
    const text = 'Полиция задержала активиста у здания суда в Уральске.\n\nСвидетели подтвердили задержание.';
    const result = await uploadCapture({ sourceId, requestedBy: monitor, filename: 'notes.txt', contentType: '', bytes: Buffer.from(text) });
    if (!result.ok) throw new Error(result.error);
    const [capture] = await db.select().from(sourceCaptures).where(eq(sourceCaptures.id, result.captureId));
    expect(capture.readableText).toBe(text);
    expect(capture.renderNote).toBeNull();
  });

  it('refuses an empty file, one over the limit and one of another type, storing nothing', async () => {
    const sourceId = await newSource();
    expect(await uploadCapture({ sourceId, requestedBy: monitor, filename: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.alloc(0) })).toEqual({ ok: false, error: 'empty' });
    env.CAPTURE_MAX_BYTES = 1024;
    expect(
      await uploadCapture({ sourceId, requestedBy: monitor, filename: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(2048)]) }),
    ).toEqual({ ok: false, error: 'tooLarge' });
    env.CAPTURE_MAX_BYTES = original.CAPTURE_MAX_BYTES;
    expect(
      await uploadCapture({ sourceId, requestedBy: monitor, filename: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0x00]) }),
    ).toEqual({ ok: false, error: 'unsupportedType' });
    expect(await db.select().from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId))).toEqual([]);
  });
});
