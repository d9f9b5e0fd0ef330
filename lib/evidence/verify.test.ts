import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { captureTimestamps } from '@/db/schema';
import { insertTestCapture, insertTestSource, tamperBypassingTriggers, testManifest, type TestFile } from '@/lib/test/capture-rows';
import { useTestDatabase } from '@/lib/test/database';
import { unique } from '@/lib/test/factories';
import { startLocalTsa, type LocalTsa } from '@/lib/test/local-tsa';
import { CHAIN_NOT_CHECKED, timestampCapture } from './timestamps';
import { formatVerifyReport, verifyEvidence } from './verify';

useTestDatabase();

let tsa: LocalTsa;
let untrusted: LocalTsa;
let evidenceDir: string;

beforeAll(async () => {
  [tsa, untrusted] = await Promise.all([startLocalTsa('Test TSA'), startLocalTsa('Untrusted TSA')]);
  evidenceDir = await mkdtemp(path.join(tmpdir(), 'evidence-dir-'));
});
afterAll(async () => {
  await Promise.all([tsa?.close(), untrusted?.close(), evidenceDir && rm(evidenceDir, { recursive: true, force: true })]);
});

/** Files whose bytes no other test shares (blobs are content-addressed, shared across captures). */
function articleFiles(): TestFile[] {
  const marker = unique('article');
  return [
    { role: 'response', bytes: Buffer.from(`<html><body><p>Detained on Monday. ${marker}</p></body></html>`), contentType: 'text/html' },
    { role: 'text', bytes: Buffer.from(`Detained on Monday. ${marker}`), contentType: 'text/plain; charset=utf-8' },
  ];
}

async function timestampedCapture(options: { evidenceDir?: string } = {}) {
  const sourceId = await insertTestSource();
  const capture = await insertTestCapture(sourceId, articleFiles(), options);
  await timestampCapture(capture.captureId, { tsaUrls: [tsa.url], trustedRoots: tsa.caPem });
  return { sourceId, ...capture };
}

const verify = (sourceId: number, evidence = evidenceDir) => verifyEvidence({ sourceId }, { evidenceDir: evidence, trustedRoots: tsa.caPem });

describe('timestampCapture', () => {
  it('stores a verified token, its chain and genTime per authority', async () => {
    const { captureId, manifest } = await timestampedCapture();
    const [row] = await db.select().from(captureTimestamps).where(eq(captureTimestamps.captureId, captureId));
    expect(row).toMatchObject({ tsaUrl: tsa.url, status: 'ok', detail: null, tsaName: expect.stringContaining('Test TSA') });
    expect(row.token!.length).toBeGreaterThan(500);
    expect(row.certificates).toContain('BEGIN CERTIFICATE');
    expect(Math.abs(row.genTime!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records failures per authority without throwing, and keeps the good one', async () => {
    const sourceId = await insertTestSource();
    const { captureId } = await insertTestCapture(sourceId, articleFiles());
    const closed = await startLocalTsa('Gone TSA');
    const goneUrl = closed.url;
    await closed.close();
    await timestampCapture(captureId, { tsaUrls: [goneUrl, untrusted.url, tsa.url], trustedRoots: tsa.caPem });
    const rows = await db
      .select({ tsaUrl: captureTimestamps.tsaUrl, status: captureTimestamps.status, detail: captureTimestamps.detail, token: captureTimestamps.token })
      .from(captureTimestamps)
      .where(eq(captureTimestamps.captureId, captureId))
      .orderBy(asc(captureTimestamps.id));
    expect(rows.map(({ tsaUrl, status, detail }) => ({ tsaUrl, status, detail }))).toEqual([
      { tsaUrl: goneUrl, status: 'failed', detail: 'authority could not be reached' },
      { tsaUrl: untrusted.url, status: 'failed', detail: 'certificate chain does not lead to a trusted root' },
      { tsaUrl: tsa.url, status: 'ok', detail: null },
    ]);
    expect(rows[0].token).toBeNull();
    expect((await verify(sourceId)).ok).toBe(true);
  });

  it('without trusted roots keeps the token and says the chain was not checked', async () => {
    const sourceId = await insertTestSource();
    const { captureId } = await insertTestCapture(sourceId, articleFiles());
    await timestampCapture(captureId, { tsaUrls: [untrusted.url], trustedRoots: null });
    const [row] = await db.select().from(captureTimestamps).where(eq(captureTimestamps.captureId, captureId));
    expect(row).toMatchObject({ status: 'ok', detail: CHAIN_NOT_CHECKED });
    // Verified later against a root it does not chain to, the token is reported.
    const report = await verify(sourceId);
    expect(report.captures).toEqual([
      {
        captureId,
        sourceId,
        ok: false,
        problems: [`timestamp #${row.id} (${untrusted.url}): certificate chain does not lead to a trusted root`],
      },
    ]);
  });
});

describe('verifyEvidence', () => {
  it('passes untouched captures, in the database and under EVIDENCE_DIR', async () => {
    const inDb = await timestampedCapture();
    const inDir = await timestampedCapture({ evidenceDir });
    for (const { sourceId, captureId } of [inDb, inDir]) {
      const report = await verify(sourceId);
      expect(report).toEqual({ ok: true, checked: 1, captures: [{ captureId, sourceId, ok: true, problems: [] }] });
    }
    expect(formatVerifyReport(await verify(inDb.sourceId), true)).toBe('All good: 1 capture(s) verified.');
  });

  it('fails the capture whose stored bytes changed by one byte (database)', async () => {
    const { sourceId, captureId, files } = await timestampedCapture();
    const other = await timestampedCapture();
    const text = files.find((f) => f.role === 'text')!;
    await db.execute(sql`UPDATE evidence_blobs SET bytes = set_byte(bytes, 3, get_byte(bytes, 3) # 1) WHERE sha256 = ${text.sha256}`);
    const report = await verify(sourceId);
    expect(report.ok).toBe(false);
    expect(report.captures).toEqual([
      { captureId, sourceId, ok: false, problems: ['text file: stored bytes do not match its SHA-256'] },
    ]);
    const printed = formatVerifyReport(report, true);
    expect(printed).toContain(`${captureId}`);
    expect(printed).toContain('FAILED: 1 of 1 capture(s) did not verify.');
    expect((await verify(other.sourceId)).ok).toBe(true);
  });

  it('names every capture that shares a corrupted blob', async () => {
    const sourceId = await insertTestSource();
    const files = articleFiles();
    const first = await insertTestCapture(sourceId, files);
    const second = await insertTestCapture(sourceId, files);
    const response = first.files.find((f) => f.role === 'response')!;
    await db.execute(sql`UPDATE evidence_blobs SET bytes = set_byte(bytes, 0, 0) WHERE sha256 = ${response.sha256}`);
    const report = await verify(sourceId);
    expect(report.captures.map((c) => [c.captureId, c.problems])).toEqual([
      [first.captureId, ['response file: stored bytes do not match its SHA-256']],
      [second.captureId, ['response file: stored bytes do not match its SHA-256']],
    ]);
  });

  it('fails the capture whose file under EVIDENCE_DIR changed by one byte, or vanished', async () => {
    const { sourceId, captureId, files } = await timestampedCapture({ evidenceDir });
    const response = files.find((f) => f.role === 'response')!;
    const file = path.join(evidenceDir, response.sha256.slice(0, 2), response.sha256.slice(2, 4), response.sha256);
    const bytes = await readFile(file);
    bytes[10] ^= 0x20;
    await writeFile(file, bytes);
    expect((await verify(sourceId)).captures).toEqual([
      { captureId, sourceId, ok: false, problems: ['response file: stored bytes do not match its SHA-256'] },
    ]);
    await rm(file);
    expect((await verify(sourceId)).captures[0].problems).toEqual(['response file: stored bytes missing']);
    // Without EVIDENCE_DIR the files cannot be found at all.
    expect((await verify(sourceId, '')).captures[0].problems).toEqual([
      'response file: stored bytes missing',
      'text file: stored bytes missing',
    ]);
  });

  it('fails a tampered manifest, and a manifest rewritten with its hash (the timestamp catches it)', async () => {
    const first = await timestampedCapture();
    await tamperBypassingTriggers(
      sql`UPDATE source_captures SET manifest = manifest || E'pdf\t0000000000000000000000000000000000000000000000000000000000000000\t1\tapplication/pdf\n' WHERE id = ${first.captureId}`,
    );
    expect((await verify(first.sourceId)).captures[0].problems).toEqual([
      'manifest does not match its SHA-256',
      'manifest lists 1 file(s) the capture does not have',
    ]);

    const second = await timestampedCapture();
    const forged = second.manifest.text.replace(/^text\t[0-9a-f]{64}/m, `text\t${'1'.repeat(64)}`);
    await tamperBypassingTriggers(
      sql`UPDATE source_captures SET manifest = ${forged}, manifest_sha256 = encode(sha256(convert_to(${forged}, 'UTF8')), 'hex') WHERE id = ${second.captureId}`,
    );
    const problems = (await verify(second.sourceId)).captures[0].problems;
    expect(problems).toContain("manifest does not list 1 of the capture's files");
    expect(problems).toContainEqual(expect.stringMatching(/^timestamp #\d+ \(.+\): token is over a different digest$/));
  });

  it('fails a timestamp whose stored time was moved away from the signed one', async () => {
    const { sourceId, captureId } = await timestampedCapture();
    await tamperBypassingTriggers(
      sql`UPDATE capture_timestamps SET gen_time = gen_time - interval '30 days' WHERE capture_id = ${captureId}`,
    );
    expect((await verify(sourceId)).captures[0].problems).toEqual([
      expect.stringMatching(/^timestamp #\d+ \(.+\): stored time or serial differs from the token$/),
    ]);
  });

  it('rebuilds the manifest from the file rows when given the canonical builder', async () => {
    const { sourceId, captureId } = await timestampedCapture();
    const options = { evidenceDir, trustedRoots: tsa.caPem, rebuildManifest: testManifest };
    expect((await verifyEvidence({ sourceId }, options)).ok).toBe(true);
    // A size changed in the file rows: hashes and listing still agree, the rebuilt text does not.
    await tamperBypassingTriggers(sql`UPDATE capture_files SET size = size + 1 WHERE capture_id = ${captureId} AND role = 'text'`);
    expect((await verifyEvidence({ sourceId }, options)).captures[0].problems).toEqual([
      'text file: size differs from the record',
      "manifest differs from the one rebuilt from the capture's files",
    ]);
  });

  it('fails a capture whose primary file is not among its files', async () => {
    const { sourceId, captureId } = await timestampedCapture();
    await tamperBypassingTriggers(sql`DELETE FROM capture_files WHERE capture_id = ${captureId} AND role = 'response'`);
    const problems = (await verify(sourceId)).captures[0].problems;
    expect(problems).toContain("primary file is not among the capture's files");
    expect(problems).toContain('manifest lists 1 file(s) the capture does not have');
  });
});
