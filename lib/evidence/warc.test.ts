import { X509Certificate } from 'node:crypto';
import { WARCParser } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSite } from '@/lib/test/fixture-site';
import { safeFetch } from './fetcher';
import { buildWarc } from './warc';

let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite({ https: true });
});
afterAll(async () => {
  await site.close();
});

describe('https captures', () => {
  it('keep the certificate chain the server presented, in the WARC as a metadata record', async () => {
    const result = await safeFetch(`${site.httpsOrigin}/article`, { allowHosts: ['127.0.0.1'], ca: site.caPem });
    expect(result.outcome).toBe('ok');
    expect(result.tlsChain).toHaveLength(1);
    expect(new X509Certificate(result.tlsChain![0]).fingerprint256).toBe(new X509Certificate(site.caPem!).fingerprint256);

    const warc = await buildWarc({ exchanges: result.exchanges, requestedUrl: `${site.httpsOrigin}/article`, software: 'test' });
    const records = [];
    for await (const record of new WARCParser([new Uint8Array(warc)])) {
      records.push({ type: record.warcType, uri: record.warcTargetURI, text: Buffer.from(await record.readFully(false)).toString('latin1') });
    }
    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'response', 'request', 'metadata']);
    const metadata = records[3];
    expect(metadata.uri).toBe(`${site.httpsOrigin}/article`);
    const certBase64 = site.caPem!.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
    expect(metadata.text).toContain(`tls-certificate: ${certBase64}`);
    expect(metadata.text).toContain('ip-address: 127.0.0.1');
  });

  it('refuse a certificate that is not trusted', async () => {
    const result = await safeFetch(`${site.httpsOrigin}/article`, { allowHosts: ['127.0.0.1'] });
    expect(result.outcome).toBe('network_error');
    expect(result.detail).toMatch(/not trusted|could not be verified/);
  });
});
