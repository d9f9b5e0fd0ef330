import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_CHARS, refuseArticle } from './schema';

describe('refuseArticle', () => {
  it('refuses empty, too long and binary text with a message each', () => {
    expect(refuseArticle('')).toBe('intake.errors.empty');
    expect(refuseArticle('   \n ')).toBe('intake.errors.empty');
    expect(refuseArticle(null)).toBe('intake.errors.empty');
    expect(refuseArticle('a'.repeat(MAX_ARTICLE_CHARS + 1))).toBe('intake.errors.tooLong');
    expect(refuseArticle('PK\u0003\u0004\u0000\u0000binary')).toBe('intake.errors.binary');
    expect(refuseArticle('text \ufffd\ufffd\ufffd\ufffd\ufffd broken')).toBe('intake.errors.binary');
  });

  it('accepts ordinary text in any script', () => {
    expect(refuseArticle('Суд арестовал активиста.\r\n\tAqtobe — Ақтөбеде.')).toBeNull();
  });
});
