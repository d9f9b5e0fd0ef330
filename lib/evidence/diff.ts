/**
 * What changed in a source's readable text between two captures, compact enough for the source
 * page: words added and removed, with a little unchanged context around each change and the long
 * unchanged stretches elided. Pure (no database), so it is tested directly.
 */
import { diffWordsWithSpace } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed' | 'elided'; text: string };
export type TextComparison = { changed: boolean; added: number; removed: number; parts: DiffPart[] };

/** Characters of unchanged text kept on each side of a change. */
const CONTEXT = 80;
/** Beyond this many parts the diff is cut off (a rewritten page is "changed", not a wall of red). */
const MAX_PARTS = 200;

/** Whitespace differences (re-wrapped lines, trailing spaces) are not changes of what the page says. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const words = (text: string) => (text.match(/\S+/g) ?? []).length;

export function compareTexts(previous: string, current: string): TextComparison {
  const before = normalizeText(previous);
  const after = normalizeText(current);
  if (before === after) return { changed: false, added: 0, removed: 0, parts: [] };
  const changes = diffWordsWithSpace(before, after);
  const parts: DiffPart[] = [];
  let added = 0;
  let removed = 0;
  changes.forEach((change, i) => {
    if (change.added || change.removed) {
      if (change.added) added += words(change.value);
      else removed += words(change.value);
      parts.push({ kind: change.added ? 'added' : 'removed', text: change.value });
      return;
    }
    parts.push(...elide(change.value, i > 0, i < changes.length - 1));
  });
  const shown = parts.length > MAX_PARTS ? [...parts.slice(0, MAX_PARTS), { kind: 'elided' as const, text: '…' }] : parts;
  return { changed: true, added, removed, parts: shown };
}

/** Unchanged text, cut down to the context next to the changes before and after it. */
function elide(text: string, changeBefore: boolean, changeAfter: boolean): DiffPart[] {
  const keepHead = changeBefore ? CONTEXT : 0;
  const keepTail = changeAfter ? CONTEXT : 0;
  if (text.length <= keepHead + keepTail + 1) return [{ kind: 'same', text }];
  const out: DiffPart[] = [];
  if (keepHead) out.push({ kind: 'same', text: text.slice(0, keepHead) });
  out.push({ kind: 'elided', text: '…' });
  if (keepTail) out.push({ kind: 'same', text: text.slice(text.length - keepTail) });
  return out;
}

/**
 * For captures listed newest first: each one's comparison with the previous (older) capture that
 * has readable text, or null when there is nothing to compare (the first, a failed fetch, an
 * upload without text).
 */
export function changesBetweenCaptures<T extends { readableText: string | null }>(newestFirst: readonly T[]): (TextComparison | null)[] {
  return newestFirst.map((capture, i) => {
    if (capture.readableText === null) return null;
    const previous = newestFirst.slice(i + 1).find((c) => c.readableText !== null);
    return previous ? compareTexts(previous.readableText!, capture.readableText) : null;
  });
}
