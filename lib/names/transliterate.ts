/**
 * Spelling → comparable sound keys, for the name matcher (match.ts).
 *
 * Unlike `foldName` (fold.ts, which feeds a stored search column and must not change), these keys
 * are free to change between releases: nothing stores them.
 *
 * Three layers, each lossier than the one before:
 * 1. `romanise`: any script and romanisation → plain lowercase Latin (Kazakh and Russian Cyrillic,
 *    the Kazakh Latin alphabets of 2017 (apostrophes), 2018 (acute accents) and 2021 (ä ğ ñ ö ū ü ı ş),
 *    BGN/PCGN and ICAO passport romanisation of Russian).
 * 2. `spell`: the press conventions brought together (Q/K, Gh/G, Zh/J/Dzh, Kh/H, Ye/E, y/i, -iya/-ia).
 * 3. `soundKey`: vowel classes (a=e=ä, o=u=ö=ü, i=y=ı), U/V, Kh/K and doubled letters merged.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'e', э: 'e', ж: 'zh', з: 'z',
  и: 'i', і: 'i', ы: 'y', й: 'y', к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ь: '', ю: 'yu', я: 'ya',
};

/** Any script → lowercase Latin letters a–z (other characters are kept for the caller to split on). */
export function romanise(text: string): string {
  let s = text.normalize('NFC').toLowerCase();
  s = [...s].map((ch) => CYRILLIC[ch] ?? ch).join('');
  s = s.replace(/[’ʼ‘`´ʻʹ]/g, "'");
  // 2017 Kazakh Latin wrote ш, ч and у as s', c', y'; the other apostrophes only mark a vowel or ғ/ң.
  s = s.replace(/s'/g, 'sh').replace(/c'/g, 'ch').replace(/y'/g, 'u').replace(/([a-z])'/g, '$1');
  // Letters whose value is not their base letter once the accent goes (2018: ý = у; 2021: ş, ç, ı).
  s = s
    .replace(/[şš]/g, 'sh')
    .replace(/[çč]/g, 'ch')
    .replace(/ž/g, 'zh')
    .replace(/ý/g, 'u')
    .replace(/ı/g, 'i')
    .replace(/ŋ/g, 'n')
    .replace(/ß/g, 'ss');
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * One romanised word → the press conventions merged: "Toqaev", "Tokayev" and "Tokaev" all give
 * "tokaev"; "Zhaubatyrov" and "Jaubatyrov" give "jaubatirov". Consonants ch and sh become the
 * single letters "C" and "S", so that edit distances count them as one sound.
 */
export function spell(word: string): string {
  let s = word.replace(/[^a-z]/g, '');
  s = s
    .replace(/shch/g, 'S')
    // Russian дж romanises as d + zh: it meets Latin dzh and j here (fold.ts keeps "dj" apart).
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/ch/g, 'C')
    .replace(/sh/g, 'S')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/ck|c/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i');
  s = s
    // Ye- for a word-initial Е (Yerlan = Erlan), and the glide of -ayev/-aev.
    .replace(/^ie/, 'e')
    .replace(/([aeiou])ie/g, '$1e')
    // -iya/-ia, -iy/-ii/-y (Aliya/Alia, Gennadiy/Gennadii/Gennady, Akhmediyarov/Akhmedyarov).
    .replace(/i+/g, 'i');
  return s;
}

const SOUND: Record<string, string> = { e: 'a', o: 'u', v: 'u', h: 'k' };

/**
 * A spelled word → its sound key: a/e/ä one vowel, o/u/ö/ü one vowel (Qonaev = Kunaev), U/V one
 * (Ualikhanov = Valikhanov), Kh/K one (Tokhtar = Toqtar), doubled letters single (Mukhammedov =
 * Mukhamedov).
 */
export function soundKey(spelled: string): string {
  const s = [...spelled].map((ch) => SOUND[ch] ?? ch).join('');
  return s.replace(/(.)\1+/g, '$1');
}

/** The consonants of a sound key, so that inserted vowels (Тілеуберді / Тлеуберди) cost nothing. */
export function skeleton(key: string): string {
  return key.replace(/[aiu]/g, '');
}
