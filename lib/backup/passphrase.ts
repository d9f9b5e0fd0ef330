import { readFileSync } from 'node:fs';

export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * The passphrase from --passphrase-file, else BACKUP_PASSPHRASE, else null. A file keeps it out
 * of the environment and the shell history; one trailing newline (as editors save) is dropped.
 */
export function resolvePassphrase(file: string | undefined, fromEnv: string | undefined): string | null {
  if (!file) return fromEnv ?? null;
  const passphrase = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error(`The passphrase in ${file} is shorter than ${MIN_PASSPHRASE_LENGTH} characters.`);
  return passphrase;
}
