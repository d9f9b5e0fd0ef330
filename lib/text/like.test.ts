import { describe, expect, it } from 'vitest';
import { containsPattern } from './like';

describe('containsPattern', () => {
  it('keeps the text and escapes LIKE wildcards instead of dropping them', () => {
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('50%')).toBe('%50\\%%');
    expect(containsPattern('c:\\x')).toBe('%c:\\\\x%');
    expect(containsPattern('plain')).toBe('%plain%');
  });
});
