/**
 * The name matcher: ranks existing people against a typed name, whatever the script and
 * romanisation (see transliterate.ts), word order, initials, short first names and the Russian
 * (-ev/-ova) against the Kazakh (-uly/-kyzy) form of a surname.
 *
 * Pure and synchronous; keys of names already seen are cached, so ranking one query against
 * 10,000 people takes a few milliseconds (`npm run bench:names`).
 */
import { distance } from 'fastest-levenshtein';
import { SHORT_FORMS } from './given-names';
import { romanise, skeleton, soundKey, spell } from './transliterate';

/** Below this score a candidate is not proposed as "likely the same person". */
export const LIKELY_MATCH = 0.8;

export type Gender = 'm' | 'f';

export interface TokenKey {
  /** The word as written. */
  text: string;
  /** Press conventions merged (transliterate.ts `spell`). */
  spelled: string;
  /** Sound key of the whole word. */
  key: string;
  /** Sound key without a surname ending (-ev, -ova, -uly, -kyzy…), or null when it has none. */
  stem: string | null;
  /** The ending's gender (-ev/-ov/-in/-uly: m; -eva/-ova/-ina/-kyzy: f). */
  gender: Gender | null;
  /** True for a Kazakh patronymic ending (-uly, -kyzy). */
  patronymic: boolean;
  /** A lone letter ("G." or "Ж."): only its first sound is known. */
  initial: boolean;
  /** Words joined by a hyphen (Kassym-Jomart) share a group. */
  group: number;
  /** Indexes into SHORT_FORMS of the first-name families this word belongs to. */
  forms: readonly number[];
  /** Everything matching looks at, as one string: words with the same signature match alike. */
  signature: string;
}

export interface NameKeys {
  name: string;
  tokens: TokenKey[];
}

export interface Candidate {
  id: string;
  names: readonly string[];
}

export interface RankedCandidate {
  id: string;
  score: number;
  matchedName: string;
  reasons: string[];
  details: MatchReason[];
}

const MALE_ENDING = /^(.{3,}?)(uli|ov|ev|in)$/;
const FEMALE_ENDING = /^(.{3,}?)(kizi|ova|eva|ina)$/;
/** Kazakh patronymic written as a separate word or after a hyphen: "Момыш-улы", "Серікбай ұлы". */
const PATRONYMIC_WORD = /^(uli|kizi)$/;

function analyseEnding(spelled: string): { stem: string | null; gender: Gender | null; patronymic: boolean } {
  const female = FEMALE_ENDING.exec(spelled);
  const male = female ? null : MALE_ENDING.exec(spelled);
  const found = female ?? male;
  if (!found) return { stem: null, gender: null, patronymic: false };
  const ending = found[2];
  const gender: Gender = female ? 'f' : 'm';
  // -in/-ina (Nigmatulin, Rybakina) tells the gender but no Kazakh form stands against it.
  if (ending === 'in' || ending === 'ina') return { stem: null, gender, patronymic: false };
  // Serikbay-uly and Serikba-ev: the y of the Kazakh stem is the glide the Russian ending swallows.
  const stem = soundKey(found[1]).replace(/([aiu])i$/, '$1');
  return { stem, gender, patronymic: ending === 'uli' || ending === 'kizi' };
}

const shortFormIndex = new Map<string, number[]>();
SHORT_FORMS.forEach((family, index) => {
  for (const form of family) {
    const key = soundKey(spell(romanise(form)));
    shortFormIndex.set(key, [...(shortFormIndex.get(key) ?? []), index]);
  }
});

const cache = new Map<string, NameKeys>();
const CACHE_LIMIT = 200_000;

/** Forgets every cached key (benchmarks use it to time a cold start). */
export function clearNameKeyCache(): void {
  cache.clear();
}

/** Splits a name into words and computes each word's keys. Cached by the exact string. */
export function nameKeys(name: string): NameKeys {
  const hit = cache.get(name);
  if (hit) return hit;
  const keys = computeKeys(name);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, keys);
  return keys;
}

/**
 * The name's words as sound keys, surname endings cut (so Serikbaev and Serikbay-uly share one),
 * initials left out, sorted (word order does not matter) and space-separated. Stored in
 * person_names.match_key so SQL can find candidates by trigram before `scoreNames` ranks them.
 */
export function matchKeyOf(name: string): string {
  const words = nameKeys(name).tokens.filter((t) => !t.initial).map((t) => t.stem ?? t.key);
  return [...new Set(words)].sort().join(' ');
}

function computeKeys(name: string): NameKeys {
  const tokens: TokenKey[] = [];
  let group = 0;
  for (const chunk of name.split(/[\s,;/()]+/)) {
    const parts = chunk.split(/[-‐‑–]+/).filter(Boolean);
    for (const part of parts) {
      const roman = romanise(part);
      const spelled = spell(roman);
      if (!spelled) continue;
      const previous = tokens[tokens.length - 1];
      // "Момыш-улы", "Серікбай ұлы": the patronymic ending belongs to the word before.
      if (PATRONYMIC_WORD.test(spelled) && previous && !previous.initial) {
        tokens[tokens.length - 1] = makeToken(`${previous.text}-${part}`, previous.spelled + spelled, previous.group, false);
        continue;
      }
      const initial = /^[^\s]{1,3}\.$/.test(part) || (spelled.length === 1 && part.replace(/\.$/, '').length <= 3);
      tokens.push(makeToken(part, spelled, group, initial));
    }
    group += 1;
  }
  return { name, tokens };
}

function makeToken(text: string, spelled: string, group: number, initial: boolean): TokenKey {
  const key = soundKey(spelled);
  const ending = initial || key.length < 5 ? { stem: null, gender: null, patronymic: false } : analyseEnding(spelled);
  const signature = `${initial ? '.' : ''}${spelled}`;
  return { text, spelled, key, ...ending, initial, group, forms: shortFormIndex.get(key) ?? [], signature };
}

/** Sound classes of the key alphabet: 0 vowel, otherwise a consonant (see NEAR). */
const isVowel = (code: number) => code === 97 || code === 105 || code === 117; // a i u
/** Voiced and voiceless pairs, and sounds the press writes for one another (Satpaev/Satbaev, Chokan/Shokan). */
const NEAR = new Set(['pb', 'bp', 'td', 'dt', 'kg', 'gk', 'sz', 'zs', 'CS', 'SC', 'jS', 'Sj', 'fp', 'pf', 'jC', 'Cj']);
const MAX_KEY = 64;
const rowA = new Float64Array(MAX_KEY + 1);
const rowB = new Float64Array(MAX_KEY + 1);

/**
 * Edit cost between two sound keys where a vowel (inserted, dropped or changed) costs 0.5, a
 * near consonant 0.5, any other consonant 1. Plain Levenshtein would let Nurlan meet Nurzhan as
 * easily as Ibrai meets Ybyrai.
 */
function soundCost(a: string, b: string): number {
  const n = Math.min(b.length, MAX_KEY);
  const m = Math.min(a.length, MAX_KEY);
  let previous = rowA;
  let current = rowB;
  previous[0] = 0;
  for (let j = 1; j <= n; j++) previous[j] = previous[j - 1] + (isVowel(b.charCodeAt(j - 1)) ? 0.5 : 1);
  for (let i = 1; i <= m; i++) {
    const ca = a.charCodeAt(i - 1);
    const va = isVowel(ca);
    const insA = va ? 0.5 : 1;
    current[0] = previous[0] + insA;
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      const vb = isVowel(cb);
      let sub = 0;
      if (ca !== cb) sub = va && vb ? 0.5 : !va && !vb && NEAR.has(a[i - 1] + b[j - 1]) ? 0.5 : 1;
      const best = Math.min(previous[j - 1] + sub, previous[j] + insA, current[j - 1] + (vb ? 0.5 : 1));
      current[j] = best;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[n];
}

/** Similarity of two sound keys in [0, 1]: each unit of cost weighs three letters' worth. */
function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const length = Math.max(a.length, b.length);
  // Every edit costs at least 0.5, so the similarity is at most 1 − 1.5 · (plain distance) / length;
  // below 0.35 the exact value changes no decision, and the weighted pass is skipped.
  if (Math.abs(a.length - b.length) > length * 0.45 || distance(a, b) > length * 0.45) return 0;
  let cost = soundCost(a, b);
  if (cost > 0.5 && skeleton(a) === skeleton(b) && skeleton(a).length >= 3) cost = 0.5;
  return Math.max(0, 1 - (3 * cost) / length);
}

const NO_ENDING = 0;
const OTHER_FORM = 1;
const WITHOUT_ENDING = 2;
const GENDER_CLASH = 3;
const SHORT_FORM = 4;
const INITIAL = 5;
const SPELLING = 6;

/** Similarity of two words; `why` (when given) receives what made them meet. */
function matchTokens(q: TokenKey, c: TokenKey, why?: { kind: number }): number {
  if (q.initial || c.initial) {
    const ok = q.key[0] === c.key[0] || q.spelled[0] === c.spelled[0];
    if (why) why.kind = ok && !(q.initial && c.initial) ? INITIAL : NO_ENDING;
    return ok ? 1 : 0.05;
  }
  let score = keySimilarity(q.key, c.key);
  let kind = NO_ENDING;
  if (score < 1 && (q.stem !== null || c.stem !== null)) {
    // Compare stems: Serikbaev / Serikbayuly / Серікбайұлы, and Bokeikhanov / Bokeikhan.
    const both = q.stem !== null && c.stem !== null;
    const stemScore = keySimilarity(q.stem ?? q.key, c.stem ?? c.key) * (both ? 1 : 0.88);
    if (stemScore > score) {
      score = stemScore;
      kind = q.patronymic !== c.patronymic ? OTHER_FORM : both ? NO_ENDING : WITHOUT_ENDING;
    }
  }
  if (q.gender !== null && c.gender !== null && q.gender !== c.gender) {
    if (why) why.kind = GENDER_CLASH;
    return score * 0.35;
  }
  if (score < 0.95 && q.forms.length > 0 && q.forms.some((f) => c.forms.includes(f))) {
    if (why) why.kind = SHORT_FORM;
    return 0.95;
  }
  if (why) why.kind = kind === NO_ENDING && score < 1 && score >= 0.6 ? SPELLING : kind;
  return score;
}

/**
 * Why two names met, as data: lib/people/likely.ts turns it into catalogue messages; `reasons`
 * (English) stays for the benchmark and the tests.
 */
export type MatchReason =
  | { kind: 'otherForm' | 'withoutEnding' | 'genderClash' | 'shortForm' | 'spelling'; query: string; candidate: string }
  | { kind: 'initialFits' | 'fitsInitial'; query: string; candidate: string }
  | { kind: 'fewerWords' | 'lacksWord'; candidate: string }
  | { kind: 'wordOrder' | 'sameKeys' };

function reasonOf(kind: number, q: TokenKey, c: TokenKey): MatchReason | null {
  const words = { query: q.text, candidate: c.text };
  switch (kind) {
    case OTHER_FORM: return { kind: 'otherForm', ...words };
    case WITHOUT_ENDING: return { kind: 'withoutEnding', ...words };
    case GENDER_CLASH: return { kind: 'genderClash', ...words };
    case SHORT_FORM: return { kind: 'shortForm', ...words };
    case INITIAL: return { kind: q.initial ? 'initialFits' : 'fitsInitial', ...words };
    case SPELLING: return { kind: 'spelling', ...words };
    default: return null;
  }
}

/** A reason in English. */
export function describeReason(r: MatchReason): string {
  switch (r.kind) {
    case 'otherForm': return `"${r.query}" and "${r.candidate}": Kazakh -uly/-kyzy against Russian -ev/-ov form`;
    case 'withoutEnding': return `"${r.query}" and "${r.candidate}": surname with and without its ending`;
    case 'genderClash': return `"${r.query}" and "${r.candidate}" are a man's and a woman's form`;
    case 'shortForm': return `"${r.query}" is a short form of "${r.candidate}"`;
    case 'initialFits': return `initial "${r.query}" fits "${r.candidate}"`;
    case 'fitsInitial': return `"${r.query}" fits the initial "${r.candidate}"`;
    case 'spelling': return `"${r.query}" ≈ "${r.candidate}" (spelling differs)`;
    case 'fewerWords': return `the query has fewer words than "${r.candidate}"`;
    case 'lacksWord': return `"${r.candidate}" lacks a word of the query`;
    case 'wordOrder': return 'word order differs';
    case 'sameKeys': return 'same name keys';
  }
}

export interface NameMatch {
  score: number;
  reasons: string[];
  /** The reasons as data (only with `explain`). */
  details?: MatchReason[];
}

const weightOf = (t: TokenKey) => (t.initial ? 2 : Math.max(3, t.key.length));
const MAX_TOKENS = 8;
const matrix = new Float64Array(MAX_TOKENS * MAX_TOKENS);

/**
 * Scores two names in [0, 1] (0 for any name that cannot reach `floor`). Words are paired greedily, best pairs first, whatever their order;
 * the paired words' similarities are combined as a weighted geometric mean (one clashing first
 * name sinks the match); words left over on either side cost a little (a missing first name is
 * not a different person, a different one is). With `explain`, says why.
 */
export function scoreNames(
  query: NameKeys,
  candidate: NameKeys,
  explain = false,
  memo?: Map<string, number>[],
  floor = 0,
): NameMatch {
  const qs = query.tokens.length > MAX_TOKENS ? query.tokens.slice(0, MAX_TOKENS) : query.tokens;
  const cs = candidate.tokens.length > MAX_TOKENS ? candidate.tokens.slice(0, MAX_TOKENS) : candidate.tokens;
  if (qs.length === 0 || cs.length === 0) return { score: 0, reasons: [] };
  let top = 0;
  for (let i = 0; i < qs.length; i++) {
    const known = memo?.[i];
    for (let j = 0; j < cs.length; j++) {
      let v = known?.get(cs[j].signature);
      if (v === undefined) {
        v = matchTokens(qs[i], cs[j]);
        known?.set(cs[j].signature, v);
      }
      matrix[i * MAX_TOKENS + j] = v;
      if (v > top) top = v;
    }
  }
  // The score is at most 0.9 × the best word pair + 0.1: a name that cannot reach `floor` stops here.
  if (0.9 * top + 0.1 < floor) return { score: 0, reasons: [] };
  let usedQ = 0;
  let usedC = 0;
  let logSum = 0;
  let weights = 0;
  let shared = 0;
  let orderKept = true;
  const pairs = explain ? ([] as [number, number][]) : null;
  const rounds = Math.min(qs.length, cs.length);
  let lastI = -1;
  let lastJ = -1;
  for (let round = 0; round < rounds; round++) {
    let bi = -1;
    let bj = -1;
    let best = -1;
    for (let i = 0; i < qs.length; i++) {
      if (usedQ & (1 << i)) continue;
      for (let j = 0; j < cs.length; j++) {
        if (usedC & (1 << j)) continue;
        const v = matrix[i * MAX_TOKENS + j];
        // Ties go to a full word before an initial, so "G." does not take Gadilbek's place.
        if (v > best || (v === best && bi >= 0 && qs[bi].initial && !qs[i].initial)) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    usedQ |= 1 << bi;
    usedC |= 1 << bj;
    const w = Math.min(weightOf(qs[bi]), weightOf(cs[bj]));
    logSum += w * Math.log(Math.max(best, 0.02));
    weights += w;
    if (best >= 0.75) shared += 1;
    if (lastI >= 0 && (bi > lastI) !== (bj > lastJ)) orderKept = false;
    lastI = bi;
    lastJ = bj;
    pairs?.push([bi, bj]);
  }
  let score = Math.exp(logSum / weights);
  // A group (Kassym-Jomart) counts once, and only when none of its words was matched.
  let leftQ = 0;
  let leftC = 0;
  for (let i = 0; i < qs.length; i++) {
    if (usedQ & (1 << i) || qs[i].initial) continue;
    if (qs.some((t, k) => t.group === qs[i].group && (usedQ & (1 << k)) !== 0)) continue;
    if (i > 0 && qs[i - 1].group === qs[i].group) continue;
    leftQ += 1;
  }
  for (let j = 0; j < cs.length; j++) {
    if (usedC & (1 << j) || cs[j].initial) continue;
    if (cs.some((t, k) => t.group === cs[j].group && (usedC & (1 << k)) !== 0)) continue;
    if (j > 0 && cs[j - 1].group === cs[j].group) continue;
    leftC += 1;
  }
  score *= 0.8 ** leftQ * 0.93 ** leftC;
  // Token-set agreement: the share of all words that found a close partner (a fuzzy Jaccard on the
  // keys), so that the same words in any order beat a partial match.
  const jaccard = shared / (qs.length + cs.length - shared);
  score = Math.min(1, 0.9 * score + 0.1 * jaccard);
  if (!pairs) return { score, reasons: [] };

  const details: MatchReason[] = [];
  const why = { kind: NO_ENDING };
  for (const [i, j] of pairs) {
    matchTokens(qs[i], cs[j], why);
    const reason = reasonOf(why.kind, qs[i], cs[j]);
    if (reason) details.push(reason);
  }
  if (leftC > 0) details.push({ kind: 'fewerWords', candidate: candidate.name });
  if (leftQ > 0) details.push({ kind: 'lacksWord', candidate: candidate.name });
  if (!orderKept) details.push({ kind: 'wordOrder' });
  if (details.length === 0) details.push({ kind: 'sameKeys' });
  return { score, reasons: details.map(describeReason), details };
}

/**
 * The people most likely to be the one named by `query`, best first: each person scores as their
 * best-matching name. Only candidates scoring at least `minScore` (LIKELY_MATCH unless given) are
 * returned, each with the reasons it matched.
 */
export function rankCandidates(
  query: string,
  people: readonly Candidate[],
  limit = 5,
  minScore = LIKELY_MATCH,
): RankedCandidate[] {
  const q = nameKeys(query);
  if (q.tokens.length === 0) return [];
  const found: { person: Candidate; name: string; score: number }[] = [];
  // First names and common surnames repeat across people: each query word meets each distinct
  // word once.
  const memo = q.tokens.map(() => new Map<string, number>());
  for (const person of people) {
    let bestScore = -1;
    let bestName = '';
    for (const name of person.names) {
      const score = scoreNames(q, nameKeys(name), false, memo, minScore).score;
      if (score > bestScore) {
        bestScore = score;
        bestName = name;
      }
    }
    if (bestScore >= minScore) found.push({ person, name: bestName, score: bestScore });
  }
  // Keys can tie (the matcher ignores digits and folds letters): the name exactly as typed goes first.
  const typed = query.trim().toLocaleLowerCase();
  const exact = (name: string) => (name.trim().toLocaleLowerCase() === typed ? 1 : 0);
  found.sort((a, b) => b.score - a.score || exact(b.name) - exact(a.name));
  return found.slice(0, limit).map(({ person, name, score }) => {
    const explained = scoreNames(q, nameKeys(name), true);
    return { id: person.id, score, matchedName: name, reasons: explained.reasons, details: explained.details ?? [] };
  });
}
