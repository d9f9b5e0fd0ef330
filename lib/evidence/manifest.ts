/**
 * A capture's manifest: the list of its files with their hashes, in one canonical text (sorted by
 * role, one line each, LF endings). Its SHA-256 is what timestamp authorities sign, so the text
 * must come out byte for byte the same whenever it is rebuilt from the stored rows.
 */
import { createHash } from 'node:crypto';

export type ManifestFile = { role: string; sha256: string; size: number; contentType: string };

export const MANIFEST_HEADER = 'case-tracker capture manifest v1';

export function buildManifest(files: ManifestFile[]): { text: string; sha256: string } {
  const lines = [...files]
    .sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : a.sha256 < b.sha256 ? -1 : 1))
    // Tabs and newlines cannot appear in a role, a hash or a number; a content type is cleaned.
    .map((f) => [f.role, f.sha256, String(f.size), f.contentType.replace(/[\t\r\n]/g, ' ')].join('\t'));
  const text = [MANIFEST_HEADER, ...lines].join('\n') + '\n';
  return { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}
