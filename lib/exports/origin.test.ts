import { describe, expect, it } from 'vitest';
import { publicOrigin } from './origin';

const direct = { trustedProxies: [] };
const proxied = { trustedProxies: ['10.0.0.2'] };
const request = (headers: Record<string, string>) => new Request('http://localhost:3000/cases/export', { headers });

describe('public origin of record links', () => {
  it('is APP_URL when set, whatever the headers say', () => {
    const settings = { appUrl: 'https://tracker.example.org/some/path', trustedProxies: ['10.0.0.2'] };
    expect(publicOrigin(request({ host: 'evil.example', 'x-forwarded-host': 'evil.example' }), settings)).toBe('https://tracker.example.org');
  });

  it('ignores X-Forwarded-Host/-Proto without trusted proxies: anyone could send them', () => {
    expect(publicOrigin(request({ host: 'cases.example.org:8080', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }), direct)).toBe('http://cases.example.org:8080');
    expect(publicOrigin(request({ 'x-forwarded-host': 'evil.example' }), direct)).toBe('http://localhost:3000');
  });

  it('believes X-Forwarded-Host/-Proto behind trusted proxies', () => {
    expect(publicOrigin(request({ host: 'internal:3000', 'x-forwarded-host': 'cases.example.org, other', 'x-forwarded-proto': 'https' }), proxied)).toBe('https://cases.example.org');
    expect(publicOrigin(request({ host: 'cases.example.org', 'x-forwarded-proto': 'gopher' }), proxied)).toBe('http://cases.example.org');
  });

  it('uses the Host header only when it is a host[:port], else the request URL', () => {
    expect(publicOrigin(request({ host: '[::1]:3000' }), direct)).toBe('http://[::1]:3000');
    for (const host of ['evil.example/path', 'evil.example@x', 'a b', 'evil.example:port', '"><script>', 'x.example:3000:1'])
      expect(publicOrigin(request({ host }), direct), host).toBe('http://localhost:3000');
    expect(publicOrigin(request({ host: 'x', 'x-forwarded-host': 'evil.example/#' }), proxied)).toBe('http://localhost:3000');
  });
});
