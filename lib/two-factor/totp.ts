/**
 * TOTP (RFC 6238) with the parameters every authenticator app understands: SHA-1, 6 digits,
 * 30-second steps. otpauth does the HMAC arithmetic; this module fixes the parameters, says which
 * time step a code matched (for replay protection, see queries.ts) and draws the QR code.
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Case tracker';
export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that still count: ±30 s of clock drift between phone and server. */
export const TOTP_WINDOW = 1;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommended length), base32 as apps expect. */
export function newTotpSecret(): string {
  // Copied into its own ArrayBuffer: a small Buffer may be a view into Node's shared pool.
  return new Secret({ buffer: new Uint8Array(randomBytes(20)).buffer }).base32;
}

function totp(secret: string, label = '', digits = TOTP_DIGITS): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, secret, algorithm: 'SHA1', digits, period: TOTP_PERIOD });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The time step (counter) of a moment: whole periods since the Unix epoch. */
export function totpStep(timestamp = Date.now()): number {
  return Math.floor(timestamp / 1000 / TOTP_PERIOD);
}

/** A typed code with spaces taken out ("123 456" is how many apps display it). */
export function normaliseTotpCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * The time step `code` belongs to, within ±TOTP_WINDOW steps of `timestamp`; null when it matches
 * none. `digits` is only for the RFC's 8-digit test vectors.
 */
export function matchTotpStep(
  secret: string,
  code: string,
  { timestamp = Date.now(), digits = TOTP_DIGITS }: { timestamp?: number; digits?: number } = {},
): number | null {
  const token = normaliseTotpCode(code);
  if (!new RegExp(`^\\d{${digits}}$`).test(token)) return null;
  const step = totpStep(timestamp);
  const delta = totp(secret, '', digits).validate({ token, timestamp, window: TOTP_WINDOW });
  return delta === null ? null : step + delta;
}

/** The current code (tests and the e2e spec compute codes the way a phone would). */
export function generateTotpCode(secret: string, timestamp = Date.now(), digits = TOTP_DIGITS): string {
  return totp(secret, '', digits).generate({ timestamp });
}

/**
 * The QR code as SVG markup, drawn here on the server: the secret never goes to a third-party QR
 * service, and inline SVG needs no script or external image, so it works under a strict CSP.
 */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 208 });
}
