import { describe, expect, it } from 'vitest';
import { clientIpFrom, describeDevice } from './client';

describe('client address and device', () => {
  it('takes the first X-Forwarded-For address, shown plainly', () => {
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }))).toBe('127.0.0.1');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2' }))).toBe('203.0.113.9');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
  });

  it('refuses anything that is not an address', () => {
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '<script>' }))).toBeNull();
    expect(clientIpFrom(new Headers())).toBeNull();
  });

  it('describes a browser without keeping its whole User-Agent', () => {
    expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/150.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile Safari/604.1')).toBe('Safari on iOS');
    expect(describeDevice(null)).toBe('Browser on unknown system');
  });
});
