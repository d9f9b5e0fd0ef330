import 'server-only';
import { decode } from 'next-auth/jwt';
import { authSecret } from '@/lib/env';
import { SESSION_HOURS } from './sessions';

type Decode = (params: { token: string; secret: string; salt: string }) => Promise<{ sid?: unknown; exp?: unknown } | null>;

/**
 * Reads the session id out of an Auth.js session cookie, remembering the cookies this instance has
 * already decrypted: the cookie's exact text → the session id inside it and when the token
 * expires. Decrypting (HKDF, then AES and HMAC, each a trip to Node's thread pool) took 6–8 ms
 * of a request on a loaded 2-core machine, twice per save (the action, then the page it redirects
 * to). Only tokens that decrypted are kept, keyed by the whole token, so a forged or altered
 * cookie is never a hit; a remembered token is refused once its own expiry has passed; and the
 * session itself (ended, expired, disabled user) is still looked up in the database on every
 * request by the caller.
 */
export function createSessionCookieReader(decodeToken: Decode = decode, max = 10_000) {
  const decoded = new Map<string, { sid: string; expiresAt: number }>();
  return async function sessionIdOf(cookieName: string, value: string): Promise<string | null> {
    const key = `${cookieName}\n${value}`;
    const hit = decoded.get(key);
    if (hit) {
      if (hit.expiresAt > Date.now()) return hit.sid;
      decoded.delete(key);
      return null;
    }
    let token: { sid?: unknown; exp?: unknown } | null;
    try {
      token = await decodeToken({ token: value, secret: authSecret() ?? '', salt: cookieName });
    } catch {
      return null; // a forged or stale cookie is simply no session
    }
    const sid = token?.sid;
    if (typeof sid !== 'string') return null;
    // A token without an expiry is kept no longer than a session lasts.
    const expiresAt = typeof token?.exp === 'number' ? token.exp * 1000 : Date.now() + SESSION_HOURS * 3_600_000;
    // The decoder allows 15 s of clock skew; the token's own expiry decides here, remembered or not.
    if (expiresAt <= Date.now()) return null;
    if (decoded.size >= max) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { sid, expiresAt });
    return sid;
  };
}

/** This instance's reader. */
export const sessionIdOfCookie = createSessionCookieReader();
