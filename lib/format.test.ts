import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en';
import kk from '@/lib/i18n/messages/kk';
import ru from '@/lib/i18n/messages/ru';
import { localName, nameLookup } from '@/lib/i18n/vocabulary';
import { formatAmount, legalBasisText, localBasisText, showPenalty, storedBasisText } from './format';

type T = (key: string, values?: Record<string, string | number>) => string;
const CATALOGUES = { en, kk, ru };
const tr = (locale: 'en' | 'kk' | 'ru') => createTranslator({ locale, messages: CATALOGUES[locale] }) as unknown as T;
// Intl separates thousands with a no-break space in Kazakh and Russian.
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('values written the reader’s way', () => {
  it('legal bases: as stored in English, per language otherwise; unknown shapes as stored', () => {
    const charge = { legalBasis: 'CoAO art. 488', part: '3' };
    expect(legalBasisText(tr('en'), charge)).toBe('CoAO art. 488(3)');
    expect(legalBasisText(tr('ru'), charge)).toBe('ч. 3 ст. 488 КоАП');
    expect(legalBasisText(tr('kk'), charge)).toBe('ӘҚБтК 488-бап 3-бөлік');
    expect(legalBasisText(tr('ru'), { legalBasis: 'Criminal Code art. 405-1', part: null })).toBe('ст. 405-1 УК');
    expect(legalBasisText(tr('ru'), { legalBasis: null, part: '2' })).toBeNull();
    expect(localBasisText(tr('ru'), 'Criminal Code art. 174(2)')).toBe('ч. 2 ст. 174 УК');
    expect(localBasisText(tr('kk'), 'Law on Something')).toBe('Law on Something');
    expect(storedBasisText(charge)).toBe('CoAO art. 488(3)');
  });

  it('amounts: grouped and with decimals per language', () => {
    expect(formatAmount(tr('en'), 87500)).toBe('87,500');
    expect(spaces(formatAmount(tr('ru'), 87500))).toBe('87 500');
    expect(spaces(formatAmount(tr('kk'), 135.5))).toBe('135,50');
    expect(formatAmount(tr('en'), 135.5)).toBe('135.50');
    expect(spaces(showPenalty(tr('ru'), { kind: 'fine', amount: 87500, unit: 'KZT' }))).toBe(`${ru.enums.penaltyKind.fine}, 87 500 KZT`);
  });

  it('vocabulary names: the translation, else the English name; text outside the vocabulary as it is', () => {
    const almaty = { name: 'Almaty', nameKk: 'Алматы', nameRu: 'Алматы' };
    const added = { name: 'New charge', nameKk: null, nameRu: ' ' };
    expect(localName(almaty, 'kk')).toBe('Алматы');
    expect(localName(added, 'kk')).toBe('New charge');
    expect(localName(added, 'ru')).toBe('New charge');
    const place = nameLookup([almaty, added], 'ru');
    expect(place('Almaty')).toBe('Алматы');
    expect(place('Somewhere typed')).toBe('Somewhere typed');
    expect(place(null)).toBe('');
  });
});
