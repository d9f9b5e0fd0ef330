/**
 * The backup file: one file per backup, so it can be copied, checked and restored as a unit.
 *
 *   "CTBACKUP" | u32 header length | header (JSON) | body | GCM tag (16 bytes, encrypted only)
 *   body = u32 manifest length | manifest (JSON) | payload (PGlite data dir tarball or pg_dump -Fc)
 *
 * The header says only what a restore needs before it can decrypt (driver, date, migration level,
 * key derivation). The manifest (row counts and hashes) sits inside the body, so an encrypted
 * backup tells a finder nothing about the records, not even how many there are. With encryption
 * the header is authenticated too (AAD), so its fields can't be swapped without the passphrase.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { manifestSchema, type Manifest } from './manifest';

const MAGIC = Buffer.from('CTBACKUP', 'latin1');
export const FORMAT_VERSION = 1;
const TAG_BYTES = 16;
/** A header is a few hundred bytes; the cap stops a corrupt length from allocating gigabytes. */
const MAX_HEADER_BYTES = 64 * 1024;

/**
 * scrypt at N=2^17, r=8 (128 MiB, about half a second): costly for whoever guesses passphrases
 * offline, cheap for one restore. Stored in the header, so a later release can raise it.
 */
export const SCRYPT_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 };

const encryptionSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  // Bounded because the header is read before anything is verified: a forged header must not
  // make the restore allocate more than 1 GiB (128 · N · r bytes) or spin for minutes.
  N: z.number().int().min(2 ** 14).max(2 ** 20),
  r: z.number().int().min(1).max(8),
  p: z.number().int().min(1).max(4),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22,}={0,2}$/),
  iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
});

export const headerSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  driver: z.enum(['pglite', 'postgres']),
  createdAt: z.string(),
  /** Migrations applied to the database when it was backed up (drizzle's journal). */
  migrations: z.number().int().nonnegative(),
  encryption: encryptionSchema.nullable(),
});
export type Header = z.infer<typeof headerSchema>;

export class BackupFormatError extends Error {}

function scrypt(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function frame(json: unknown): Buffer {
  const bytes = Buffer.from(JSON.stringify(json), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

export async function encodeBackup(
  fields: Omit<Header, 'format' | 'encryption'>,
  manifest: Manifest,
  payload: Buffer,
  passphrase: string | null,
  scryptParams = SCRYPT_DEFAULTS,
): Promise<Buffer> {
  const header: Header = {
    format: FORMAT_VERSION,
    ...fields,
    encryption: passphrase
      ? { cipher: 'aes-256-gcm', kdf: 'scrypt', ...scryptParams, salt: randomBytes(16).toString('base64'), iv: randomBytes(12).toString('base64') }
      : null,
  };
  const head = Buffer.concat([MAGIC, frame(header)]);
  const body = Buffer.concat([frame(manifest), payload]);
  if (!passphrase || !header.encryption) return Buffer.concat([head, body]);
  const { salt, iv } = header.encryption;
  const key = await scrypt(passphrase, Buffer.from(salt, 'base64'), scryptParams);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  cipher.setAAD(head);
  return Buffer.concat([head, cipher.update(body), cipher.final(), cipher.getAuthTag()]);
}

/** Reads the header alone: enough to tell the driver and whether a passphrase is needed. */
export function readHeader(file: Buffer): { header: Header; headEnd: number } {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupFormatError('Not a case tracker backup (wrong magic bytes).');
  }
  const length = file.readUInt32BE(MAGIC.length);
  const headEnd = MAGIC.length + 4 + length;
  if (length > MAX_HEADER_BYTES || headEnd > file.length) throw new BackupFormatError('Backup header is truncated or corrupt.');
  let json: unknown;
  try {
    json = JSON.parse(file.subarray(MAGIC.length + 4, headEnd).toString('utf8'));
  } catch {
    throw new BackupFormatError('Backup header is not valid JSON.');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new BackupFormatError(`Unsupported or corrupt backup header: ${parsed.error.issues[0]?.message}`);
  return { header: parsed.data, headEnd };
}

export async function decodeBackup(
  file: Buffer,
  passphrase: string | null,
  { allowUnencrypted = false }: { allowUnencrypted?: boolean } = {},
): Promise<{ header: Header; manifest: Manifest; payload: Buffer }> {
  const { header, headEnd } = readHeader(file);
  // Whoever can replace a backup can also write its .sha256: the passphrase's authentication tag is
  // the only proof it is ours. An unencrypted file where an encrypted one was expected could be
  // anyone's database (on PostgreSQL, SQL run by pg_restore as the restoring role).
  if (!header.encryption && passphrase && !allowUnencrypted) {
    throw new BackupFormatError(
      'This backup is not encrypted, but a passphrase was given: nothing proves who made it. Nothing was restored. If you made it without a passphrase yourself, restore it with --allow-unencrypted.',
    );
  }
  let body: Buffer;
  if (header.encryption) {
    if (!passphrase) throw new BackupFormatError('This backup is encrypted: set BACKUP_PASSPHRASE or pass --passphrase-file.');
    const { N, r, p, salt, iv } = header.encryption;
    if (file.length < headEnd + TAG_BYTES) throw new BackupFormatError('Backup is truncated.');
    const key = await scrypt(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(file.subarray(0, headEnd));
    decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
    try {
      // The whole body is decrypted and authenticated before any of it is used: nothing
      // unverified ever reaches pg_restore or PGlite.
      body = Buffer.concat([decipher.update(file.subarray(headEnd, file.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new BackupFormatError('Wrong passphrase, or the backup was altered: it failed authentication. Nothing was restored.');
    }
  } else {
    body = file.subarray(headEnd);
  }
  if (body.length < 4) throw new BackupFormatError('Backup body is truncated.');
  const manifestEnd = 4 + body.readUInt32BE(0);
  if (manifestEnd > body.length) throw new BackupFormatError('Backup manifest is truncated or corrupt.');
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(body.subarray(4, manifestEnd).toString('utf8')));
  } catch {
    throw new BackupFormatError('Backup manifest is corrupt.');
  }
  return { header, manifest, payload: body.subarray(manifestEnd) };
}
