import { describe, expect, it } from 'vitest';
import { evaluate, readDifferent, readVariants } from './evaluate';
import { LIKELY_MATCH, nameKeys, rankCandidates, scoreNames } from './match';
import { romanise } from './transliterate';

const keyOf = (name: string) => nameKeys(name).tokens.map((t) => t.key).join(' ');
const score = (a: string, b: string) => scoreNames(nameKeys(a), nameKeys(b)).score;

describe('sound keys: each rule brings real spellings together', () => {
  it.each([
    // Kazakh Cyrillic letters
    ['Kazakh ә ғ қ ң ө ұ ү һ і', 'Әбілов Ғалымжан Қарақат Жаңаөзен Құлыбаев Сүлейменов Һ Тілеуберді', 'Abilov Galymzhan Karakat Zhanaozen Kulybaev Suleimenov H Tileuberdi'],
    ['Russian дж meets Latin dzh (issue #9)', 'Джакишев', 'Dzhakishev'],
    ['dzh = zh = j', 'Dzhambul', 'Jambul'],
    ['Kazakh Latin 2017 apostrophes (a\', s\' = ш)', 'A\'bliazov S\'ymkent', 'Abliazov Shymkent'],
    ['Kazakh Latin 2018 acute accents (ý = у)', 'Ábilov Áýezov', 'Abilov Auezov'],
    ['Kazakh Latin 2021 (ı, ş, ñ, ö, ū, ğ)', 'Serıkbaev Şymkent Jañaözen Mūhtar Tasmağambetov', 'Serikbaev Shymkent Zhanaozen Mukhtar Tasmagambetov'],
    ['BGN/PCGN -iy, ICAO -ii and English -y', 'Gennadiy Gennadii', 'Gennady Gennady'],
    ['BGN/PCGN soft-sign apostrophe', 'Il\'in', 'Ilin'],
    ['Q/K', 'Toqaev', 'Tokaev'],
    ['Gh/G', 'Temirghaziev', 'Temirgaziev'],
    ['Kh/H', 'Mukhtar', 'Muhtar'],
    ['Kh/K (Тохтар / Тоқтар)', 'Tokhtar', 'Toktar'],
    ['o/u (Қонаев / Кунаев)', 'Qonaev', 'Kunaev'],
    ['a/e (Кәрім: Kerim / Karim)', 'Kerim', 'Karim'],
    ['U/V (Уәлиханов / Валиханов)', 'Ualikhanov', 'Valikhanov'],
    ['Ye/E', 'Yerlan', 'Erlan'],
    ['Yu/Iu', 'Yuri', 'Iuri'],
    ['Ya/Ia', 'Asya', 'Asia'],
    ['-iya/-ya', 'Akhmediyarov Aliya', 'Akhmedyarov Alya'],
    ['-ayev/-aev', 'Serikbayev', 'Serikbaev'],
    ['French ou (by the o/u merge and doubled letters)', 'Vinokourov', 'Vinokurov'],
    ['doubled letters', 'Mukhammedov Massimov', 'Mukhamedov Masimov'],
    ['ay/ai and ey/ei', 'Tuyakbay Seyfullin', 'Tuyakbai Seifullin'],
    ['x = ks', 'Alexandr', 'Aleksandr'],
  ])('%s', (_rule, a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it('keeps different names apart', () => {
    expect(keyOf('Nurlan')).not.toBe(keyOf('Nurzhan'));
    expect(keyOf('Serikbaev')).not.toBe(keyOf('Serikov'));
    expect(keyOf('Tokin')).not.toBe(keyOf('Tokaev'));
  });

  it('romanises both Cyrillic alphabets', () => {
    expect(romanise('Серікбаев')).toBe('serikbaev');
    expect(romanise('Қасым-Жомарт')).toBe('qasym-zhomart');
    expect(romanise('Щукин')).toBe('shchukin');
  });
});

describe('surname endings', () => {
  it('finds the stem of -ev/-ov/-uly and their gender', () => {
    const [ev] = nameKeys('Serikbaev').tokens;
    const [uly] = nameKeys('Серікбайұлы').tokens;
    expect(ev.stem).toBe(uly.stem);
    expect([ev.gender, uly.gender, ev.patronymic, uly.patronymic]).toEqual(['m', 'm', false, true]);
    expect(nameKeys('Serikbayeva').tokens[0].gender).toBe('f');
  });

  it('matches the Russian and the Kazakh patronymic form', () => {
    expect(score('Serikbayuly', 'Serikbaev')).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(score('Серікбайұлы', 'Gadilbek Serikbayev')).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(score('Baurzhan Momysh-Uly', 'Бауыржан Момышұлы')).toBeGreaterThanOrEqual(LIKELY_MATCH);
  });

  it('matches a surname written without its ending', () => {
    expect(score('Alikhan Bokeikhan', 'Alikhan Bokeikhanov')).toBeGreaterThanOrEqual(LIKELY_MATCH);
  });

  it('never proposes a woman for a man', () => {
    expect(score('Serikbayeva', 'Gadilbek Serikbaev')).toBeLessThan(LIKELY_MATCH);
    expect(score('Natalya Sadykova', 'Aidos Sadykov')).toBeLessThan(LIKELY_MATCH);
  });
});

describe('names of several words', () => {
  it('ignores word order and says so', () => {
    const m = scoreNames(nameKeys('Serikbaev Ghadilbek'), nameKeys('Ghadilbek Serikbaev'), true);
    expect(m.score).toBeGreaterThan(0.95);
    expect(m.reasons).toContain('word order differs');
  });

  it('accepts a fitting initial, refuses another', () => {
    expect(score('G. Serikbaev', 'Gadilbek Serikbayev')).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(score('К.-Ж. Токаев', 'Kassym-Jomart Tokayev')).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(score('T. Serikbaev', 'Gadilbek Serikbayev')).toBeLessThan(LIKELY_MATCH);
  });

  it('knows common short first names, and only those', () => {
    expect(score('Sasha Vinokourov', 'Alexander Vinokourov')).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(score('Sasha Kozlov', 'Vladimir Kozlov')).toBeLessThan(LIKELY_MATCH);
  });

  it('a different first name sinks a shared surname', () => {
    expect(score('Nurlan Mukhammedov', 'Nurzhan Mukhammedov')).toBeLessThan(LIKELY_MATCH);
    expect(score('Timur Suleimenov', 'Olzhas Suleimenov')).toBeLessThan(LIKELY_MATCH);
  });

  it('a missing first name costs little', () => {
    expect(score('Serikbayev', 'Ghadilbek Serikbaev')).toBeGreaterThanOrEqual(LIKELY_MATCH);
  });
});

describe('rankCandidates', () => {
  const people = [
    { id: 'a', names: ['Ghadilbek Serikbaev', 'Ғаділбек Серікбаев'] },
    { id: 'b', names: ['Berikzhan Toqin'] },
    { id: 'c', names: ['Aigul Serikbayeva'] },
    { id: 'd', names: ['Marat Serikov'] },
  ];

  it('ranks the right person first, with the name that matched and why', () => {
    const [first, ...rest] = rankCandidates('Серикбаев', people);
    expect(first.id).toBe('a');
    expect(first.score).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(first.reasons.length).toBeGreaterThan(0);
    expect(rest.map((r) => r.id)).not.toContain('c');
  });

  it('proposes nobody under LIKELY_MATCH, unless asked', () => {
    expect(rankCandidates('Zhaubatyrov', people)).toEqual([]);
    expect(rankCandidates('Zhaubatyrov', people, 2, 0)).toHaveLength(2);
  });
});

describe('the test tables (regression guard; the measurement is npm run bench:names)', () => {
  it('hold enough pairs, each with a source', () => {
    const variants = readVariants();
    const different = readDifferent();
    expect(variants.length).toBeGreaterThanOrEqual(150);
    expect(different.length).toBeGreaterThanOrEqual(100);
    for (const row of [...variants, ...different]) expect(row.source).not.toBe('');
  });

  it('meet the targets: hit rate ≥ 95%, false-first rate ≤ 2%', () => {
    const result = evaluate();
    expect(result.hitRate).toBeGreaterThanOrEqual(0.95);
    expect(result.falseFirstRate).toBeLessThanOrEqual(0.02);
  });
});

describe('rankCandidates tie-break', () => {
  it('puts the name exactly as typed first when keys tie', () => {
    const ranked = rankCandidates('Test Activist 12', [
      { id: 'other', names: ['Test Activist 34'] },
      { id: 'typed', names: ['Test Activist 12'] },
    ], 5, 0);
    expect(ranked.map((r) => r.id)).toEqual(['typed', 'other']);
  });
});
