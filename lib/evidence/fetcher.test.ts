import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURE_USER_AGENT, env } from '@/lib/env';
import { startFixtureSite, type FixtureSite } from '@/lib/test/fixture-site';
import { isForbiddenAddress, safeFetch } from './fetcher';

let site: FixtureSite;
// The fixture listens on 127.0.0.1, which only an explicit allow-list reaches.
const allowFixture = { allowHosts: ['127.0.0.1'] };

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1',
    '127.5.5.5',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });
  it.each(['93.184.216.34', '8.8.8.8', '2a00:1450:4001:80b::200e'])('allows the public address %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe('safeFetch', () => {
  it('fetches an allowed host and keeps the body exactly as served', async () => {
    const result = await safeFetch(`${site.origin}/article`, allowFixture);
    expect(result.outcome).toBe('ok');
    expect(result.status).toBe(200);
    expect(result.finalUrl).toBe(`${site.origin}/article`);
    expect(result.headers).toContainEqual(['X-Fixture', 'article']);
    const served = await fetch(`${site.origin}/article`).then(async (r) => Buffer.from(await r.arrayBuffer()));
    expect(createHash('sha256').update(result.body!).digest('hex')).toBe(createHash('sha256').update(served).digest('hex'));
  });

  it("sends the configured user agent, an ordinary browser's unless set, and no cookie", async () => {
    const result = await safeFetch(`${site.origin}/headers`, { ...allowFixture, contentTypes: [] });
    const headers = JSON.parse(result.body!.toString());
    expect(headers['user-agent']).toBe(env.CAPTURE_USER_AGENT);
    expect(headers.cookie).toBeUndefined();
  });

  it('does not tell the site by default that a rights monitor is capturing it', () => {
    // The sites fetched include those of the people the monitors document (lib/env.ts CAPTURE_USER_AGENT).
    expect(DEFAULT_CAPTURE_USER_AGENT).toMatch(/^Mozilla\/5\.0 \(/);
    expect(DEFAULT_CAPTURE_USER_AGENT).not.toMatch(/captur|monitor|human|rights|evidence|case.?tracker|bot|README/i);
    expect(env.CAPTURE_USER_AGENT).toBe(process.env.CAPTURE_USER_AGENT || DEFAULT_CAPTURE_USER_AGENT);
  });

  it('keeps no cookie across a redirect that sets one', async () => {
    const result = await safeFetch(`${site.origin}/set-cookie`, allowFixture);
    expect(result.outcome).toBe('ok');
    expect(result.exchanges).toHaveLength(2);
    expect(site.lastCookie()).toBeUndefined();
  });

  it('follows a redirect chain and records every hop', async () => {
    const result = await safeFetch(`${site.origin}/redirect/1`, allowFixture);
    expect(result.outcome).toBe('ok');
    expect(result.exchanges.map((e) => e.status)).toEqual([301, 302, 307, 200]);
    expect(result.finalUrl).toBe(`${site.origin}/article`);
  });

  it('stops after the redirect limit', async () => {
    const result = await safeFetch(`${site.origin}/redirect-loop`, { ...allowFixture, maxRedirects: 3 });
    expect(result.outcome).toBe('network_error');
    expect(result.detail).toMatch(/More than 3 redirects/);
  });

  it.each([
    ['http://127.0.0.1:9/x', /loopback/],
    ['http://10.0.0.1/x', /private address/],
    ['http://169.254.169.254/latest/meta-data/', /metadata/],
    ['http://[::1]:9/x', /loopback/],
    ['http://[fc00::1]/x', /unique local/],
    ['http://0.0.0.0:9/x', /unspecified/],
  ])('refuses %s when not allowed', async (url, why) => {
    const result = await safeFetch(url, { allowHosts: [] });
    expect(result.outcome).toBe('blocked');
    expect(result.detail).toMatch(why);
    expect(result.detail).toMatch(/CAPTURE_ALLOW_HOSTS/);
    expect(result.body).toBeNull();
  });

  it('refuses the fixture itself when 127.0.0.1 is not allowed', async () => {
    const before = site.hits.get('/article') ?? 0;
    const result = await safeFetch(`${site.origin}/article`, { allowHosts: [] });
    expect(result.outcome).toBe('blocked');
    expect(site.hits.get('/article') ?? 0).toBe(before);
  });

  it('refuses a host name that resolves to loopback (localhost)', async () => {
    const port = new URL(site.origin).port;
    const result = await safeFetch(`http://localhost:${port}/article`, allowFixture);
    expect(result.outcome).toBe('blocked');
    expect(result.detail).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
  });

  it('allows that host name when it is listed', async () => {
    const port = new URL(site.origin).port;
    const result = await safeFetch(`http://localhost:${port}/article`, { allowHosts: ['LOCALHOST'] });
    expect(result.outcome).toBe('ok');
  });

  it.each([
    ['/redirect-private', /private address/],
    ['/redirect-metadata', /metadata/],
    ['/redirect-localhost', /localhost resolves to/],
    ['/redirect/1?to=http://10.0.0.1/deep', /private address/],
  ])('refuses a redirect to a forbidden address (%s)', async (path, why) => {
    const result = await safeFetch(`${site.origin}${path}`, allowFixture);
    expect(result.outcome).toBe('blocked');
    expect(result.detail).toMatch(why);
    expect(result.body).toBeNull();
  });

  it('connects to the address it vetted, never resolving the name again (DNS rebinding)', async () => {
    const port = new URL(site.origin).port;
    let lookups = 0;
    // A name the system resolver does not know: the fetch can only succeed over the pinned address.
    const resolve = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const result = await safeFetch(`http://rebind.invalid:${port}/article`, { allowHosts: ['rebind.invalid'], resolve });
    expect(result.outcome).toBe('ok');
    expect(result.exchanges[0].remoteAddress).toBe('127.0.0.1');
    expect(lookups).toBe(1);
  });

  it('refuses a name with any forbidden address among its answers', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ];
    const result = await safeFetch('http://mixed.invalid/', { allowHosts: [], resolve });
    expect(result.outcome).toBe('blocked');
    expect(result.detail).toMatch(/mixed\.invalid resolves to 10\.1\.2\.3/);
  });

  it('refuses other schemes', async () => {
    expect((await safeFetch('file:///etc/passwd')).outcome).toBe('blocked');
    expect((await safeFetch('ftp://example.org/x')).outcome).toBe('blocked');
  });

  it('aborts a body over the limit while streaming', async () => {
    const before = site.largeBytesSent();
    const started = Date.now();
    const result = await safeFetch(`${site.origin}/large`, { ...allowFixture, maxBytes: 1024 * 1024 });
    expect(result.outcome).toBe('too_large');
    expect(result.body).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
    // Aborted early: far less than the 64 MB the route would send.
    await new Promise((r) => setTimeout(r, 200));
    expect(site.largeBytesSent() - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const result = await safeFetch(`${site.origin}/large-declared`, { ...allowFixture, maxBytes: 1024 * 1024 });
    expect(result.outcome).toBe('too_large');
  });

  it('times out a slow server', async () => {
    const started = Date.now();
    const result = await safeFetch(`${site.origin}/slow`, { ...allowFixture, timeoutMs: 500 });
    expect(result.outcome).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('keeps what a 404 sent back', async () => {
    const result = await safeFetch(`${site.origin}/missing`, allowFixture);
    expect(result.outcome).toBe('http_error');
    expect(result.status).toBe(404);
    expect(result.body?.toString()).toContain('Page not found');
  });

  it('refuses a type that is not captured', async () => {
    const result = await safeFetch(`${site.origin}/binary`, allowFixture);
    expect(result.outcome).toBe('unsupported_type');
    expect(result.detail).toMatch(/application\/octet-stream/);
  });

  it('reports a refused connection as a network error', async () => {
    const result = await safeFetch('http://127.0.0.1:9/', allowFixture);
    expect(result.outcome).toBe('network_error');
  });
});
