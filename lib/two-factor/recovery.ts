/**
 * One-time recovery codes, for when the phone is lost: ten per user, each usable once.
 *
 * A code is 10 characters of Crockford's base32 alphabet (no i, l, o, u), 5 bits each: 50 random
 * bits, shown as `xxxx-xxxx-xx`. Typing is forgiving: case, spaces and dashes are ignored, and o,
 * i, l read as 0, 1, 1 (the letters the alphabet leaves out for being mistaken for digits).
 *
 * Stored hashed, never in plain text. A fast hash is enough here, unlike for passwords: a code is
 * random with 50 bits, not chosen by a person, so there is no dictionary to try and every guess
 * costs the same. On top, the hash is an HMAC under a key derived from AUTH_SECRET and bound to the
 * user, so a copy of the database alone does not even allow an offline search.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { keyedHash } from './secret-box';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // 32 symbols: a byte & 31 picks one without bias
const LENGTH = 10;

/** One new code, formatted for display: `xxxx-xxxx-xx`. */
export function newRecoveryCode(): string {
  const chars = [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, newRecoveryCode);
}

/** The code as typed, in canonical form; null when it can't be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** What is stored for a code: hex HMAC-SHA-256 of the user's id and the canonical code. */
export function hashRecoveryCode(userId: number, canonicalCode: string): string {
  return keyedHash('recovery-code v1', `${userId}:${canonicalCode}`);
}
