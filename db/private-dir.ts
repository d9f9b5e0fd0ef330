import { chmodSync, mkdirSync } from 'node:fs';

/**
 * The embedded database's folder, created if missing (PGlite won't create parent folders itself)
 * and readable by this account only. PGlite writes its files readable and writable by everyone
 * (0666, whatever the umask), so the folder is what keeps other accounts on the machine from
 * every record, restricted ones and notes included, and from the password hashes. Set on every
 * start, so a folder made by an older version is closed too.
 */
export function keepPrivate(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}
