/**
 * Finds a place of the gazetteer by any of its names, in either script and any romanisation
 * (Astana = Nur-Sultan = Нұр-Сұлтан = Нур-Султан; Oral = Uralsk = Орал = Уральск), as a monitor
 * types it or a report words it: anywhere in the name (not only its start), and in the declined
 * forms reports use ("в Уральске", "из Шымкента", "Ақтөбеде", "Алматы қаласында").
 *
 * Pure: the same code ranks the case form's combobox in the browser and resolves an import's
 * city column on the server. Names are compared by `foldName` keys, computed once per list.
 */
import { foldName, scriptOf } from '@/lib/names/fold';

/** A place as matching needs it: `names` holds every spelling, the display name included. */
export type GazetteerEntry = {
  id: number;
  name: string;
  region: string;
  /** 'city of republican significance' | 'regional centre' | 'town' | 'district centre'; bigger places rank first on a tie. */
  kind?: string;
  names: readonly string[];
};

export type PlaceMatch<P extends GazetteerEntry> = {
  place: P;
  /** The spelling that matched: "Уральск" when "Уральске" was typed. */
  matched: string;
  /** Higher is better; `EXACT` and above: the whole text is one of the place's names. */
  score: number;
};

/** The text (stripped of a preposition or case ending at most) is a whole name of the place. */
export const EXACT = 80;

const SCORES = { exact: 100, prefix: 60, wordPrefix: 50, substring: 40 } as const;
/** Taken off for each step of stripping: the unstripped text always wins when it matches. */
const STRIP_PENALTY = { preposition: 5, ending: 10 } as const;

const KIND_RANK: Record<string, number> = { 'city of republican significance': 0, 'regional centre': 1, town: 2, 'district centre': 3 };

/**
 * Words around a place name that say nothing about which place it is, as folded keys: Russian
 * "в / во / из / г. / город / пос. / село", Kazakh "ауыл", English "in / city of".
 */
const LEADING_WORDS = new Set(['v', 'vo', 'iz', 'ot', 'k', 'g', 'gor', 'gorod', 'gorode', 'goroda', 'pos', 'poselok', 's', 'selo', 'sele', 'aul', 'auil', 'in', 'at', 'from', 'city', 'of', 'town']);
/** Trailing "қаласы / қаласында…" (city), "city", "town". */
const TRAILING_WORD = /^(kalas\w*|city|town)$/;

/**
 * Kazakh case endings on a folded key, longest first: locative (-да/-де/-та/-те/-нда/-нде),
 * ablative (-дан/-ден/-тан/-тен/-нан/-нен), dative (-ға/-ге/-қа/-ке) and genitive
 * (-ның/-нің/-дың/-дің/-тың/-тің). Folding already merged the back and front vowel forms.
 */
const KAZAKH_ENDINGS = ['nda', 'nde', 'dan', 'den', 'tan', 'ten', 'nan', 'nen', 'nin', 'din', 'tin', 'da', 'de', 'ta', 'te', 'ga', 'ge', 'ka', 'ke'];

/**
 * Stems a Russian declined city name may come from: Уральске/Уральска/Уральску/Уральском →
 * Уральск, Караганде/Караганды/Карагандой → Караганда, Костанае/Семее → Костанай/Семей.
 */
function russianStems(key: string): string[] {
  const stems: string[] = [];
  for (const ending of ['om', 'e', 'a', 'u']) if (key.endsWith(ending)) stems.push(key.slice(0, -ending.length));
  if (key.endsWith('e') || key.endsWith('i')) stems.push(`${key.slice(0, -1)}a`);
  if (key.endsWith('oi')) stems.push(`${key.slice(0, -2)}a`);
  if (key.endsWith('e')) stems.push(`${key.slice(0, -1)}i`);
  return stems;
}

type Form = { key: string; penalty: number; wholeOnly: boolean };

/** The folded text and what it may be once a preposition and a case ending are taken off. */
function formsOf(text: string): Form[] {
  const key = foldName(text);
  if (!key) return [];
  const forms: Form[] = [{ key, penalty: 0, wholeOnly: false }];
  const words = key.split(' ');
  while (words.length > 1 && LEADING_WORDS.has(words[0])) words.shift();
  while (words.length > 1 && TRAILING_WORD.test(words[words.length - 1])) words.pop();
  const bare = words.join(' ');
  if (bare !== key) forms.push({ key: bare, penalty: STRIP_PENALTY.preposition, wholeOnly: false });
  for (const { key: base, penalty } of [...forms]) {
    const last = base.split(' ').pop() ?? '';
    const stems = [
      ...KAZAKH_ENDINGS.filter((e) => last.endsWith(e) && last.length - e.length >= 3).map((e) => base.slice(0, -e.length)),
      ...(last.length >= 5 ? russianStems(base) : []),
    ];
    // A declined form only counts when what is left is a whole name: "Aral" must not find every "Ara…".
    for (const stem of stems) forms.push({ key: stem, penalty: penalty + STRIP_PENALTY.ending, wholeOnly: true });
  }
  return forms;
}

type Indexed<P extends GazetteerEntry> = { place: P; names: { name: string; key: string }[] };

const indexes = new WeakMap<readonly GazetteerEntry[], Indexed<GazetteerEntry>[]>();

/** Folded keys of every name, once per list (the list is the same object across keystrokes). */
function indexOf<P extends GazetteerEntry>(places: readonly P[]): Indexed<P>[] {
  let index = indexes.get(places);
  if (!index) {
    index = places.map((place) => ({
      place,
      names: [...new Set(place.names)].map((name) => ({ name, key: foldName(name) })).filter((n) => n.key),
    }));
    indexes.set(places, index);
  }
  return index as Indexed<P>[];
}

function scoreOf(nameKey: string, form: Form): number {
  if (nameKey === form.key) return SCORES.exact - form.penalty;
  if (form.wholeOnly) return 0;
  if (nameKey.startsWith(form.key)) return SCORES.prefix - form.penalty;
  // One letter anywhere would match half the gazetteer: a single letter only matches a name's start.
  if (form.key.length < 2) return 0;
  if (nameKey.includes(` ${form.key}`)) return SCORES.wordPrefix - form.penalty;
  if (nameKey.includes(form.key)) return SCORES.substring - form.penalty;
  return 0;
}

/**
 * Places any of whose names contain what was typed, best first: a whole name, then a name that
 * starts with it, then one with a word that starts with it, then one that contains it; bigger
 * places first among equals. Each match says which spelling matched.
 */
export function searchPlaces<P extends GazetteerEntry>(query: string, places: readonly P[], limit = Infinity): PlaceMatch<P>[] {
  const forms = formsOf(query);
  if (!forms.length) return [];
  const typed = query.trim().toLowerCase();
  const script = scriptOf(query);
  // Among spellings that fold alike, show the one as typed ("Нұр-Сұлтан", not "Нур-Султан"), else one in the same script.
  const closeness = (name: string) => (name.toLowerCase().includes(typed) ? 2 : scriptOf(name) === script ? 1 : 0);
  const found: PlaceMatch<P>[] = [];
  for (const { place, names } of indexOf(places)) {
    let best: PlaceMatch<P> | null = null;
    for (const { name, key } of names) {
      for (const form of forms) {
        const score = scoreOf(key, form);
        // On a full tie the display name (listed first) is kept, so "Astana" shows no "matched" note.
        if (score > 0 && (!best || score > best.score || (score === best.score && closeness(name) > closeness(best.matched)))) {
          best = { place, matched: name, score };
        }
      }
    }
    if (best) found.push(best);
  }
  found.sort(
    (a, b) =>
      b.score - a.score ||
      // "Ak" lists Aktobe and Aktau before Astana (once Akmola): current names before old ones.
      Number(matchedVariant(a) !== null) - Number(matchedVariant(b) !== null) ||
      (KIND_RANK[a.place.kind ?? ''] ?? 9) - (KIND_RANK[b.place.kind ?? ''] ?? 9) ||
      a.place.name.localeCompare(b.place.name),
  );
  return found.slice(0, limit);
}

/**
 * The places `text` names as a whole (any spelling, declined forms included), for imports: one
 * match, none, or several (ambiguous, ranked) when the best-scoring form is a name of more than
 * one place. Partial names ("Nur") never match here.
 */
export function matchPlace<P extends GazetteerEntry>(text: string, places: readonly P[]): PlaceMatch<P>[] {
  const exact = searchPlaces(text, places).filter((m) => m.score >= EXACT);
  return exact.filter((m) => m.score === exact[0]?.score);
}

/** What the case form's combobox needs to tell a match: "Oral — matched Уральск", unless the display name itself matched. */
export function matchedVariant(match: PlaceMatch<GazetteerEntry>): string | null {
  return foldName(match.matched) === foldName(match.place.name) ? null : match.matched;
}
