import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate';

describe('Accept-Language', () => {
  it.each([
    ['kk-KZ,kk;q=0.9,ru;q=0.8', 'kk'],
    ['ru-RU,ru;q=0.9,en;q=0.5', 'ru'],
    ['en-US,en;q=0.9', 'en'],
    // Preference order, not header order, decides.
    ['en;q=0.3, ru;q=0.8', 'ru'],
    ['de-DE,de;q=0.9,ru;q=0.5', 'ru'],
    ['de-DE,fr', 'en'],
    ['*', 'en'],
    ['', 'en'],
    [null, 'en'],
    ['x-$$$;q=abc, ;;', 'en'],
    ['kk'.repeat(200), 'en'],
  ] as const)('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
