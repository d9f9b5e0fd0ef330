import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTsa, type LocalTsa } from '@/lib/test/local-tsa';
import { requestTimestamp, timestampQuery, verifyTimestampToken } from './tsa';

const run = promisify(execFile);
const sha256 = (text: string) => createHash('sha256').update(text).digest();

let tsa: LocalTsa;
let untrusted: LocalTsa;

beforeAll(async () => {
  [tsa, untrusted] = await Promise.all([startLocalTsa('Test TSA'), startLocalTsa('Untrusted TSA')]);
});
afterAll(async () => {
  await Promise.all([tsa?.close(), untrusted?.close()]);
});

describe('requestTimestamp against a local OpenSSL authority', () => {
  it('gets a token that verifies against the trusted root, and OpenSSL agrees', async () => {
    const manifest = 'response abc\ntext def\n';
    const digest = sha256(manifest);
    const reply = await requestTimestamp(tsa.url, digest, { trustedRoots: tsa.caPem });
    if (!reply.ok) throw new Error(reply.reason);
    expect(reply.chainChecked).toBe(true);
    expect(reply.tsaName).toContain('CN=Test TSA');
    expect(Math.abs(reply.genTime.getTime() - Date.now())).toBeLessThan(60_000);
    expect(reply.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(reply.certificatesPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);

    const again = await verifyTimestampToken(reply.tokenDer, digest.toString('hex'), tsa.caPem);
    expect(again.ok).toBe(true);

    // Cross-check with OpenSSL itself: the stored token verifies over the same digest.
    const tokenFile = path.join(tsa.dir, 'token.der');
    const untrustedFile = path.join(tsa.dir, 'signer.pem');
    await writeFile(tokenFile, reply.tokenDer);
    await writeFile(untrustedFile, tsa.tsaCertPem);
    const { stdout } = await run('openssl', [
      'ts', '-verify', '-digest', digest.toString('hex'), '-in', tokenFile, '-token_in',
      '-CAfile', tsa.trustFile, '-untrusted', untrustedFile,
    ]);
    expect(stdout).toContain('Verification: OK');
  });

  it('verifies a token signed with an elliptic-curve key (P-256, ECDSA)', async () => {
    const ec = await startLocalTsa('EC TSA', { key: 'ec' });
    try {
      const digest = sha256('manifest for an EC authority');
      const reply = await requestTimestamp(ec.url, digest, { trustedRoots: ec.caPem });
      if (!reply.ok) throw new Error(reply.reason);
      expect(reply.chainChecked).toBe(true);
      // The same token against the RSA authority's root is refused.
      expect((await verifyTimestampToken(reply.tokenDer, digest.toString('hex'), tsa.caPem)).ok).toBe(false);
    } finally {
      await ec.close();
    }
  });

  it('refuses a token checked against another digest', async () => {
    const reply = await requestTimestamp(tsa.url, sha256('one manifest'), { trustedRoots: tsa.caPem });
    if (!reply.ok) throw new Error(reply.reason);
    const other = await verifyTimestampToken(reply.tokenDer, sha256('another manifest').toString('hex'), tsa.caPem);
    expect(other).toEqual({ ok: false, reason: 'token is over a different digest' });
  });

  it('refuses a token from an authority whose root is not trusted', async () => {
    const digest = sha256('manifest for the untrusted authority');
    const reply = await requestTimestamp(untrusted.url, digest, { trustedRoots: tsa.caPem });
    expect(reply).toEqual({ ok: false, reason: 'certificate chain does not lead to a trusted root' });
    // Without any trusted root the same token is accepted, but marked as not chain-checked.
    const unchecked = await requestTimestamp(untrusted.url, digest, { trustedRoots: null });
    expect(unchecked.ok && unchecked.chainChecked).toBe(false);
    expect(unchecked.ok).toBe(true);
  });

  it('refuses a token whose signed content was altered', async () => {
    const digest = sha256('manifest to alter');
    const reply = await requestTimestamp(tsa.url, digest, { trustedRoots: tsa.caPem });
    if (!reply.ok) throw new Error(reply.reason);
    // Flip one bit inside the TSTInfo's genTime: the imprint still matches, the signature must not.
    const token = Buffer.from(reply.tokenDer);
    const genTimeAt = token.indexOf(Buffer.from('Z', 'latin1'), token.indexOf(Buffer.from([0x18, 0x0f])));
    token[genTimeAt - 1] ^= 0x01;
    const result = await verifyTimestampToken(token, digest.toString('hex'), tsa.caPem);
    expect(result).toEqual({ ok: false, reason: 'signed digest does not match the timestamp content' });
  });

  it('refuses a token whose signer certificate was swapped for another one with the same key', async () => {
    // A second certificate for the same key, from the same root (issued before the token, so it
    // was valid at genTime): signature and chain both hold.
    await run('openssl', [
      'x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAserial', 'ca.srl', '-out', 'tsa2.crt',
      '-days', '3650', '-extfile', 'tsa.cnf', '-extensions', 'tsa_ext', '-outform', 'DER',
    ], { cwd: tsa.dir });
    await run('openssl', ['x509', '-in', 'tsa.crt', '-outform', 'DER', '-out', 'tsa1.der'], { cwd: tsa.dir });
    const oldCert = await readFile(path.join(tsa.dir, 'tsa1.der'));
    const newCert = await readFile(path.join(tsa.dir, 'tsa2.crt'));
    expect(newCert.length).toBe(oldCert.length);
    const serialOf = async (file: string, form: string) =>
      Buffer.from((await run('openssl', ['x509', '-in', file, '-inform', form, '-noout', '-serial'], { cwd: tsa.dir })).stdout.trim().split('=')[1], 'hex');
    const [oldSerial, newSerial] = [await serialOf('tsa.crt', 'PEM'), await serialOf('tsa2.crt', 'DER')];
    expect(newSerial.length).toBe(oldSerial.length);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const digest = sha256('manifest with a swapped certificate');
    const reply = await requestTimestamp(tsa.url, digest, { trustedRoots: tsa.caPem });
    if (!reply.ok) throw new Error(reply.reason);

    const token = Buffer.from(reply.tokenDer);
    const certAt = token.indexOf(oldCert);
    expect(certAt).toBeGreaterThan(0);
    newCert.copy(token, certAt);
    // The SignerInfo's sid (unsigned) now points at the new certificate; the signed ESS attribute still names the old one.
    const sidAt = token.indexOf(oldSerial, certAt + oldCert.length);
    newSerial.copy(token, sidAt);

    const result = await verifyTimestampToken(token, digest.toString('hex'), tsa.caPem);
    expect(result).toEqual({ ok: false, reason: 'signer certificate is not the one the token names' });
  });

  it('reports an authority that cannot be reached or answers with garbage', async () => {
    const closed = await startLocalTsa('Closed TSA');
    const url = closed.url;
    await closed.close();
    expect(await requestTimestamp(url, sha256('x'), { trustedRoots: null })).toEqual({
      ok: false,
      reason: 'authority could not be reached',
    });
    expect(await verifyTimestampToken(Buffer.from('not a token'), sha256('x').toString('hex'), null)).toEqual({
      ok: false,
      reason: 'token could not be parsed',
    });
  });

  it('reports a refusal, garbage, an oversized reply and a silent authority, each in plain words', async () => {
    const refusal = Buffer.from(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2 }) }).toSchema().toBER());
    const answers: Record<string, (res: http.ServerResponse) => void> = {
      '/refuse': (res) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(refusal),
      '/garbage': (res) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end('<html>hello</html>'),
      '/huge': (res) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.alloc(300 * 1024)),
      '/error': (res) => res.writeHead(503).end(),
      '/silent': () => {},
    };
    const server = http.createServer((req, res) => {
      req.resume();
      answers[req.url ?? '']?.(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ask = (p: string) => requestTimestamp(`${origin}${p}`, sha256('x'), { trustedRoots: null, timeoutMs: 300 });
    try {
      expect(await ask('/refuse')).toEqual({ ok: false, reason: 'authority refused (rejection)' });
      expect(await ask('/garbage')).toEqual({ ok: false, reason: 'reply could not be parsed' });
      expect(await ask('/huge')).toEqual({ ok: false, reason: 'reply too large' });
      expect(await ask('/error')).toEqual({ ok: false, reason: 'authority answered HTTP 503' });
      expect(await ask('/silent')).toEqual({ ok: false, reason: 'authority did not answer in time' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('builds a query OpenSSL reads as SHA-256 with a nonce and certReq', async () => {
    const queryFile = path.join(tsa.dir, 'query.tsq');
    await writeFile(queryFile, timestampQuery(sha256('q'), Buffer.from('4142434445464748', 'hex')));
    const { stdout } = await run('openssl', ['ts', '-query', '-in', queryFile, '-text']);
    expect(stdout).toMatch(/Hash Algorithm: sha256/);
    expect(stdout).toMatch(/Nonce: 0x4142434445464748/);
    expect(stdout).toMatch(/Certificate required: yes/);
  });
});
