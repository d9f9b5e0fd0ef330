import { describe, expect, it } from 'vitest';
import { PLACES } from '@/db/seed-data/places';
import { matchedVariant, matchPlace, searchPlaces, type GazetteerEntry } from './match';

/** The real gazetteer, as the form and the import see it. */
const gazetteer: GazetteerEntry[] = PLACES.map((p, i) => ({
  id: i + 1,
  name: p.name,
  region: p.region,
  kind: p.kind,
  names: [p.name, p.nameKk, ...p.nameRu, ...p.latinVariants],
}));

const names = (query: string) => searchPlaces(query, gazetteer).map((m) => m.place.name);
const matched = (text: string) => matchPlace(text, gazetteer).map((m) => m.place.name);

describe('searchPlaces', () => {
  it.each([
    ['Nur', 'Astana'],
    ['nur-sult', 'Astana'],
    ['Sultan', 'Astana'],
    ['Нұр-Сұлтан', 'Astana'],
    ['Нур-Султан', 'Astana'],
    ['Nur-Sultan', 'Astana'],
    ['Uralsk', 'Oral'],
    ['Орал', 'Oral'],
    ['Уральск', 'Oral'],
    ['Уральске', 'Oral'],
    ['в Уральске', 'Oral'],
    ['в Ураль', 'Oral'],
    ['Ақтөбеде', 'Aktobe'],
    ['в Актобе', 'Aktobe'],
    ['Aqtobe', 'Aktobe'],
    ['Астана', 'Astana'],
    ['Алматыда', 'Almaty'],
    ['Алматы қаласында', 'Almaty'],
    ['г. Алматы', 'Almaty'],
    ['из Шымкента', 'Shymkent'],
    ['в Караганде', 'Karaganda'],
    ['в Костанае', 'Kostanay'],
    ['Семейде', 'Semey'],
    ['Усть-Каменогорске', 'Oskemen'],
    ['kamenogorsk', 'Oskemen'],
    ['Капчагай', 'Konaev'],
    ['Жаңаөзенде', 'Zhanaozen'],
  ])('%s finds %s first', (query, place) => {
    expect(names(query)[0]).toBe(place);
  });

  it('finds a name by a part in the middle, not only its start', () => {
    expect(names('kent')).toEqual(expect.arrayContaining(['Shymkent', 'Kentau', 'Myrzakent']));
  });

  it('ranks a whole name above names that merely start with it, and bigger places first among equals', () => {
    const found = names('Aksu');
    expect(found[0]).toBe('Aksu');
    expect(found).toContain('Aksu-Ayuly');
    expect(names('Ak').slice(0, 2).sort()).toEqual(['Aktau', 'Aktobe']);
  });

  it('says which spelling matched when it is not the display name', () => {
    const [oral] = searchPlaces('Уральск', gazetteer);
    expect(matchedVariant(oral)).toBe('Уральск');
    const [nur] = searchPlaces('Нұр', gazetteer);
    expect(matchedVariant(nur)).toBe('Нұр-Сұлтан');
    const [astana] = searchPlaces('Astana', gazetteer);
    expect(matchedVariant(astana)).toBeNull();
  });

  it('finds nothing for text that names no place, and for blank text', () => {
    expect(names('Zzyzx')).toEqual([]);
    expect(names('   ')).toEqual([]);
  });

  it('matches a single letter only at the start of a name', () => {
    expect(names('q').every((n) => gazetteer.find((p) => p.name === n)!.names.some((s) => /^[qк]/i.test(s)))).toBe(true);
  });
});

describe('matchPlace', () => {
  it.each([
    ['Нур-Султан', 'Astana'],
    ['Нұр-Сұлтан', 'Astana'],
    ['Uralsk', 'Oral'],
    ['в Уральске', 'Oral'],
    ['Ақтөбе', 'Aktobe'],
    ['Ақтөбеде', 'Aktobe'],
    ['в Актобе', 'Aktobe'],
    ['Oskemen', 'Oskemen'],
    ['Satbayev', 'Satpayev'],
  ])('%s is %s', (text, place) => {
    expect(matched(text)).toEqual([place]);
  });

  it('never matches part of a name', () => {
    expect(matched('Nur')).toEqual([]);
    expect(matched('Aral')).toEqual(['Aral']);
  });

  it('returns every place an ambiguous name fits, ranked', () => {
    const found = matchPlace('Fedorovka', gazetteer);
    expect(found.map((m) => m.place.region).sort()).toEqual(['Kostanay Region', 'West Kazakhstan Region']);
  });

  it('prefers the text as written over a declined reading of it', () => {
    // "Aral" is a whole name; reading it as a case form must not add other places.
    expect(matched('Арал')).toEqual(['Aral']);
    expect(matched('Тараз')).toEqual(['Taraz']);
  });
});
