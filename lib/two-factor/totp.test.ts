import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery';
import { openSecret, sealSecret } from './secret-box';
import { generateTotpCode, matchTotpStep, newTotpSecret, totpQrSvg, totpUri } from './totp';

// RFC 6238 appendix B, SHA-1 rows: seed "12345678901234567890", 8 digits, 30-second steps.
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it('accepts the RFC 6238 test vectors and names their time step', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      expect(matchTotpStep(RFC_SECRET, code, { timestamp: seconds * 1000, digits: 8 })).toBe(Math.floor(seconds / 30));
      expect(matchTotpStep(RFC_SECRET, code.replace(/.$/, (d) => String((Number(d) + 1) % 10)), { timestamp: seconds * 1000, digits: 8 })).toBeNull();
    }
  });

  it('accepts one step either side of now, not two', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_015_000;
    const step = Math.floor(now / 30_000);
    for (const offset of [-1, 0, 1]) {
      expect(matchTotpStep(secret, generateTotpCode(secret, now + offset * 30_000), { timestamp: now })).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      expect(matchTotpStep(secret, generateTotpCode(secret, now + offset * 30_000), { timestamp: now })).toBeNull();
    }
  });

  it('takes a code typed with a space, and refuses anything but six digits', () => {
    const secret = newTotpSecret();
    const code = generateTotpCode(secret);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`)).not.toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) expect(matchTotpStep(secret, bad)).toBeNull();
  });

  it('makes 160-bit base32 secrets and an otpauth URI apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'monitor@example.org'));
    expect(`${uri.protocol}${uri.host}`).toBe('otpauth:totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Case tracker:monitor@example.org');
    expect(uri.searchParams.get('issuer')).toBe('Case tracker');
    expect(uri.searchParams.get('secret')).toBe(secret);
  });

  it('draws the QR code as self-contained SVG', async () => {
    const svg = await totpQrSvg(totpUri(newTotpSecret(), 'a@example.org'));
    expect(svg).toMatch(/^<svg [^>]*viewBox/);
    expect(svg).not.toMatch(/<script|href|<image|url\(/i);
  });
});

describe('secret box', () => {
  it('seals with a fresh nonce each time and opens only for the same user', () => {
    const secret = newTotpSecret();
    const a = sealSecret(secret, 'user:1');
    expect(a).not.toContain(secret);
    expect(sealSecret(secret, 'user:1')).not.toBe(a);
    expect(openSecret(a, 'user:1')).toBe(secret);
    expect(openSecret(a, 'user:2')).toBeNull();
    const tampered = a.slice(0, -2) + (a.endsWith('A') ? 'BB' : 'AA');
    expect(openSecret(tampered, 'user:1')).toBeNull();
    expect(openSecret('garbage', 'user:1')).toBeNull();
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes of 50 bits in an unambiguous alphabet', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{2}$/);
  });

  it('reads a code however it is typed', () => {
    expect(normaliseRecoveryCode(' AB12-CD34-EF ')).toBe('ab12cd34ef');
    expect(normaliseRecoveryCode('ab12 cd34 ef')).toBe('ab12cd34ef');
    expect(normaliseRecoveryCode('OI1L-0000-00')).toBe('0111000000');
    expect(normaliseRecoveryCode('ab12-cd34-e')).toBeNull();
    expect(normaliseRecoveryCode('ab12-cd34-eu')).toBeNull(); // u is not in the alphabet
  });

  it('hashes per user, never the code itself', () => {
    const hash = hashRecoveryCode(1, 'ab12cd34ef');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(2, 'ab12cd34ef')).not.toBe(hash);
    expect(hashRecoveryCode(1, 'ab12cd34ef')).toBe(hash);
  });
});
