import { describe, expect, it } from 'vitest';
import { changesBetweenCaptures, compareTexts } from './diff';

const article = 'The court in Almaty sentenced the activist to fifteen days of administrative arrest on Monday.';

describe('comparing the readable text of two captures', () => {
  it('finds no change when only the whitespace differs', () => {
    expect(compareTexts(article, `  ${article.replace(/ /g, '\n ')}  `)).toEqual({ changed: false, added: 0, removed: 0, parts: [] });
  });

  it('names the words removed and added', () => {
    const edited = article.replace('fifteen days', 'ten days');
    const result = compareTexts(article, edited);
    expect(result.changed).toBe(true);
    expect(result.parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['fifteen']);
    expect(result.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['ten']);
    expect(result).toMatchObject({ added: 1, removed: 1 });
  });

  it('keeps context next to a change and elides long unchanged stretches', () => {
    const long = `${'Unchanged opening sentence. '.repeat(40)}The verdict was upheld.${' Unchanged closing sentence.'.repeat(40)}`;
    const result = compareTexts(long, long.replace('upheld', 'overturned'));
    const shown = result.parts.map((p) => p.text).join('');
    expect(shown.length).toBeLessThan(long.length / 3);
    expect(result.parts[0]).toEqual({ kind: 'elided', text: '…' });
    expect(result.parts.at(-1)).toEqual({ kind: 'elided', text: '…' });
    expect(shown).toContain('The verdict was ');
  });
});

describe('changes along a list of captures, newest first', () => {
  it('compares each capture with the previous one that has text, skipping failed fetches', () => {
    const captures = [{ readableText: `${article} Updated.` }, { readableText: null }, { readableText: article }, { readableText: article }];
    const changes = changesBetweenCaptures(captures);
    expect(changes.map((c) => c?.changed ?? null)).toEqual([true, null, false, null]);
  });
});
