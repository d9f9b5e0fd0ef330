import { describe, expect, it } from 'vitest';
import { clientIpFrom, describeDevice } from './client';

describe('client address and device', () => {
  it('takes the X-Forwarded-For address that is not a trusted proxy, shown plainly', () => {
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }), [])).toBe('127.0.0.1');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2' }), ['10.0.0.2'])).toBe('203.0.113.9');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '2001:db8::1' }), [])).toBe('2001:db8::1');
  });

  // Security regression (session 25): the first entry was taken, but a proxy that appends (nginx's
  // $proxy_add_x_forwarded_for, HAProxy, cloud load balancers) keeps what the client sent in front,
  // so a client could pick its own address and escape the sign-in limits per address.
  it('ignores what the client wrote in front of its real address', () => {
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '198.51.100.7, 203.0.113.9, 10.0.0.2' }), ['10.0.0.2'])).toBe('203.0.113.9');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '198.51.100.7, 203.0.113.9' }), ['::ffff:10.0.0.2'])).toBe('203.0.113.9');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '10.0.0.3, 10.0.0.2' }), ['10.0.0.2', '10.0.0.3'])).toBe('10.0.0.3');
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
