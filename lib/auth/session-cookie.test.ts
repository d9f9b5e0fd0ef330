import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { authSecret } from '@/lib/env';
import { createSessionCookieReader } from './session-cookie';

const SALT = 'authjs.session-token';
const secret = authSecret() ?? '';

/** The real decoder, counting its calls. */
function countingDecode() {
  const calls = { n: 0 };
  const fn = (params: Parameters<typeof decode>[0]) => {
    calls.n++;
    return decode(params);
  };
  return { calls, fn };
}

describe('the session cookie reader', () => {
  it('decrypts a cookie once, then answers from memory', async () => {
    const { calls, fn } = countingDecode();
    const read = createSessionCookieReader(fn);
    const cookie = await encode({ token: { sid: 'session-a' }, secret, salt: SALT });
    expect(await read(SALT, cookie)).toBe('session-a');
    expect(await read(SALT, cookie)).toBe('session-a');
    expect(calls.n).toBe(1);
  });

  it('never serves an altered or foreign cookie from memory, and does not keep it', async () => {
    const { calls, fn } = countingDecode();
    const read = createSessionCookieReader(fn);
    const cookie = await encode({ token: { sid: 'session-b' }, secret, salt: SALT });
    expect(await read(SALT, cookie)).toBe('session-b');
    const altered = cookie.slice(0, -4) + (cookie.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await read(SALT, altered)).toBeNull();
    expect(await read(SALT, altered)).toBeNull();
    expect(calls.n).toBe(3);
    // Signed with another secret, or for the other cookie name (its salt): no session.
    expect(await read(SALT, await encode({ token: { sid: 'x' }, secret: 'another secret of enough length!!', salt: SALT }))).toBeNull();
    expect(await read('__Secure-authjs.session-token', cookie)).toBeNull();
    expect(await read(SALT, 'garbage')).toBeNull();
  });

  it('refuses a remembered token once it has expired', async () => {
    const read = createSessionCookieReader();
    const cookie = await encode({ token: { sid: 'session-c' }, secret, salt: SALT, maxAge: 1 });
    expect(await read(SALT, cookie)).toBe('session-c');
    await new Promise((r) => setTimeout(r, 1_100));
    // The decoder itself allows 15 s of clock skew; the reader goes by the token's own expiry.
    expect(await read(SALT, cookie)).toBeNull();
    expect(await read(SALT, cookie)).toBeNull();
  });

  it('refuses a token without a session id', async () => {
    const read = createSessionCookieReader();
    expect(await read(SALT, await encode({ token: { sub: '1' }, secret, salt: SALT }))).toBeNull();
  });

  it('holds at most `max` cookies', async () => {
    const { calls, fn } = countingDecode();
    const read = createSessionCookieReader(fn, 2);
    const cookies = await Promise.all(['1', '2', '3'].map((sid) => encode({ token: { sid }, secret, salt: SALT })));
    for (const c of cookies) await read(SALT, c);
    expect(calls.n).toBe(3);
    // The oldest was let go: decrypted again; the newest is still remembered.
    expect(await read(SALT, cookies[0])).toBe('1');
    expect(await read(SALT, cookies[2])).toBe('3');
    expect(calls.n).toBe(4);
  });
});
