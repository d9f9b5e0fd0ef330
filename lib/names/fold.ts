/**
 * Folds a name in either script to one search key, so that the spellings monitors meet in reports
 * find each other: Serikbaev = Serikbayev = Серікбаев = Серикбаев, Toqin = Tokin = Токин,
 * Temirghaziev = Temirgaziev = Темірғазиев, Aqtobe = Aktobe = Ақтөбе.
 *
 * The key is lossy on purpose (ң and н meet, і and ы meet); it is only used for matching.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', э: 'e', ж: 'j', з: 'z',
  и: 'i', і: 'i', ы: 'i', й: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'sh', ъ: '', ь: '', ю: 'iu', я: 'ia',
};

export function foldName(name: string): string {
  let key = name.toLowerCase();
  key = [...key].map((ch) => CYRILLIC[ch] ?? ch).join('');
  // Strip Latin diacritics (ä, ö, ü…), then bring the romanisation schemes together.
  key = key.normalize('NFD').replace(/\p{M}/gu, '');
  key = key
    .replace(/dzh/g, 'j')
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i');
  // "-ayev" and "-aev" (Серікбаев): drop a glide between a vowel and e.
  key = key.replace(/([aeiou])ie/g, '$1e');
  // Hyphens, apostrophes and spacing vary between reports.
  return key.replace(/[^a-z0-9]+/g, ' ').trim();
}

export function scriptOf(name: string): 'latin' | 'cyrillic' {
  return /\p{Script=Cyrillic}/u.test(name) ? 'cyrillic' : 'latin';
}
