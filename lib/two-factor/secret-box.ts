/**
 * Encryption at rest for the TOTP secrets. A copy of the database (a backup, a leaked dump, a
 * replica) must not be enough to generate anyone's codes, so each secret is sealed with AES-256-GCM
 * under a key derived from AUTH_SECRET, which lives in the environment, never in the database.
 *
 * Rotating AUTH_SECRET makes the sealed secrets unreadable: every enrolled user then needs an admin
 * reset (or a new enrolment) — the same trade-off as the signed session cookies.
 */
import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '@/lib/env';

const VERSION = 'v1';
const IV_BYTES = 12; // GCM's standard nonce size
const TAG_BYTES = 16;

const keys = new Map<string, Buffer>();

/**
 * A 32-byte key for one purpose, derived from AUTH_SECRET with HKDF-SHA-256, so each use (TOTP
 * secrets, recovery-code hashes) has its own key and none is AUTH_SECRET itself.
 */
export function derivedKey(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', authSecret() ?? '', 'case-tracker', purpose, 32));
    keys.set(purpose, key);
  }
  return key;
}

const totpKey = () => derivedKey('totp-secret v1');

/**
 * Seals `plain`; `context` (the user's id) is bound as associated data, so a sealed secret copied
 * into another user's row does not open there.
 */
export function sealSecret(plain: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', totpKey(), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Opens a sealed secret; null when it was tampered with, sealed for another context or another key. */
export function openSecret(sealed: string, context: string): string | null {
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', totpKey(), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Hex HMAC-SHA-256 under a purpose's derived key (used for recovery codes). */
export function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', derivedKey(purpose)).update(value).digest('hex');
}
