import { describe, expect, it } from 'vitest';
import { foldName, scriptOf } from './fold';

describe('foldName', () => {
  it.each([
    ['Serikbaev', 'Serikbayev', 'Серікбаев', 'Серикбаев'],
    ['Toqin', 'Tokin', 'Токин'],
    ['Temirghaziev', 'Temirgaziev', 'Темірғазиев'],
    ['Aqtobe', 'Aktobe', 'Ақтөбе', 'Актобе'],
    ['Nur-Sultan', 'Нұр-Сұлтан', 'Нур-Султан', 'nur sultan'],
    ['Zhaubatyrov', 'Jaubatyrov', 'Жаубатыров'],
  ])('brings the spellings of %s together', (...spellings) => {
    const keys = new Set(spellings.map(foldName));
    expect([...keys]).toHaveLength(1);
  });

  it('keeps different names apart', () => {
    expect(foldName('Toqin')).not.toBe(foldName('Temirghaziev'));
  });

  it('tells the script', () => {
    expect(scriptOf('Серікбаев')).toBe('cyrillic');
    expect(scriptOf('Serikbaev')).toBe('latin');
  });
});
