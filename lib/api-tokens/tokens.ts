/**
 * Partner API tokens: 32 random bytes, shown once; only their SHA-256 hash is stored, so a copy of
 * the database gives no working token. Pure apart from the random source.
 */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'ctk_';
const TOKEN_PATTERN = /^ctk_[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first characters, enough to tell tokens apart in a list and nothing to guess with. */
export function tokenPrefix(token: string): string {
  return token.slice(0, PREFIX.length + 6);
}

/** The token of an `Authorization: Bearer …` header, or null when there is none or it is malformed. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match && TOKEN_PATTERN.test(match[1]) ? match[1] : null;
}
