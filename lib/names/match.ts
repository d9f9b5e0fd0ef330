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

/** Splits a name into words and computes each word's keys. Cached by the exact string. */
export function nameKeys(name: string): NameKeys {
  const hit = cache.get(name);
  if (hit) return hit;
  const keys = computeKeys(name);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, keys);
  return keys;
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
  return { text, spelled, key, ...ending, initial, group, forms: shortFormIndex.get(key) ?? [] };
}

const VOWELS = new Set(['a', 'i', 'u']);
/** Voiced and voiceless pairs, and sounds the press writes for one another (Satpaev/Satbaev, Chokan/Shokan). */
const NEAR = new Set(['pb', 'bp', 'td', 'dt', 'kg', 'gk', 'sz', 'zs', 'CS', 'SC', 'jS', 'Sj', 'fp', 'pf', 'jC', 'Cj']);

/**
 * Edit cost between two sound keys where a vowel (inserted, dropped or changed) costs 0.5, a
 * near consonant 0.5, any other consonant 1. Plain Levenshtein would let Nurlan meet Nurzhan as
 * easily as Ibrai meets Ybyrai.
 */
function soundCost(a: string, b: string): number {
  const n = b.length;
  let previous = new Array<number>(n + 1);
  let current = new Array<number>(n + 1);
  previous[0] = 0;
  for (let j = 1; j <= n; j++) previous[j] = previous[j - 1] + (VOWELS.has(b[j - 1]) ? 0.5 : 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a[i - 1];
    const insA = VOWELS.has(ca) ? 0.5 : 1;
    current[0] = previous[0] + insA;
    for (let j = 1; j <= n; j++) {
      const cb = b[j - 1];
      let sub = 0;
      if (ca !== cb) {
        const va = VOWELS.has(ca);
        const vb = VOWELS.has(cb);
        sub = va && vb ? 0.5 : !va && !vb && NEAR.has(ca + cb) ? 0.5 : 1;
      }
      const insB = VOWELS.has(cb) ? 0.5 : 1;
      current[j] = Math.min(previous[j - 1] + sub, previous[j] + insA, current[j - 1] + insB);
    }
    [previous, current] = [current, previous];
  }
  return previous[n];
}

/** Similarity of two sound keys in [0, 1]: each unit of cost weighs three letters' worth. */
function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const length = Math.max(a.length, b.length);
  // Cheap bound first: every edit costs at least 0.5, so a plain distance over 0.6 of the length
  // means a similarity under 0.1, and the weighted pass can be skipped.
  if (distance(a, b) > length * 0.6) return 0;
  let cost = soundCost(a, b);
  if (cost > 0 && skeleton(a) === skeleton(b) && skeleton(a).length >= 3) cost = Math.min(cost, 0.5);
  return Math.max(0, 1 - (3 * cost) / length);
}

interface PairMatch {
  score: number;
  reason: string | null;
}

function matchTokens(q: TokenKey, c: TokenKey): PairMatch {
  if (q.initial || c.initial) {
    const ok = q.key[0] === c.key[0] || q.spelled[0] === c.spelled[0];
    const initial = q.initial ? q : c;
    const full = q.initial ? c : q;
    if (!ok) return { score: 0.05, reason: null };
    return { score: 1, reason: q.initial && c.initial ? null : `initial "${initial.text}" fits "${full.text}"` };
  }
  let score = keySimilarity(q.key, c.key);
  let reason: string | null = null;
  if (q.stem !== null || c.stem !== null) {
    // Compare stems: Serikbaev / Serikbayuly / Серікбайұлы, and Bokeikhanov / Bokeikhan.
    const stemScore = keySimilarity(q.stem ?? q.key, c.stem ?? c.key) * (q.stem !== null && c.stem !== null ? 1 : 0.88);
    if (stemScore > score) {
      score = stemScore;
      if (q.patronymic !== c.patronymic) reason = `"${q.text}" and "${c.text}": Kazakh -uly/-kyzy against Russian -ev/-ov form`;
      else if (q.stem === null || c.stem === null) reason = `"${q.text}" and "${c.text}": surname with and without its ending`;
    }
  }
  if (q.gender !== null && c.gender !== null && q.gender !== c.gender) {
    return { score: score * 0.35, reason: `"${q.text}" and "${c.text}" are a man's and a woman's form` };
  }
  if (score < 0.95 && q.forms.some((f) => c.forms.includes(f))) {
    return { score: 0.95, reason: `"${q.text}" is a short form of "${c.text}"` };
  }
  if (reason === null && score < 1 && score >= 0.6) reason = `"${q.text}" ≈ "${c.text}" (spelling differs)`;
  return { score, reason };
}

interface NameMatch {
  score: number;
  reasons: string[];
}

const weightOf = (t: TokenKey) => (t.initial ? 2 : Math.max(3, t.key.length));

/**
 * Scores two names in [0, 1]. Words are paired greedily, best pairs first, whatever their order;
 * the paired words' similarities are combined as a weighted geometric mean (one clashing first
 * name sinks the match); words left over on either side cost a little (a missing first name is
 * not a different person, a different one is).
 */
export function scoreNames(query: NameKeys, candidate: NameKeys): NameMatch {
  const qs = query.tokens;
  const cs = candidate.tokens;
  if (qs.length === 0 || cs.length === 0) return { score: 0, reasons: [] };
  const pairs: { i: number; j: number; m: PairMatch }[] = [];
  for (let i = 0; i < qs.length; i++) {
    for (let j = 0; j < cs.length; j++) pairs.push({ i, j, m: matchTokens(qs[i], cs[j]) });
  }
  pairs.sort((a, b) => b.m.score - a.m.score || (qs[a.i].initial ? 1 : 0) - (qs[b.i].initial ? 1 : 0));
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  let logSum = 0;
  let weights = 0;
  const reasons: string[] = [];
  let orderKept = true;
  let lastJ = -1;
  let shared = 0;
  const chosen: { i: number; j: number }[] = [];
  for (const { i, j, m } of pairs) {
    if (usedQ.has(i) || usedC.has(j)) continue;
    usedQ.add(i);
    usedC.add(j);
    const w = Math.min(weightOf(qs[i]), weightOf(cs[j]));
    logSum += w * Math.log(Math.max(m.score, 0.02));
    weights += w;
    if (m.reason) reasons.push(m.reason);
    if (m.score >= 0.75) shared += 1;
    chosen.push({ i, j });
  }
  chosen.sort((a, b) => a.i - b.i);
  for (const { j } of chosen) {
    if (j < lastJ) orderKept = false;
    lastJ = j;
  }
  let score = Math.exp(logSum / weights);
  const leftQ = new Set(qs.filter((t, i) => !usedQ.has(i) && !t.initial).map((t) => t.group));
  const leftC = new Set(cs.filter((t, j) => !usedC.has(j) && !t.initial).map((t) => t.group));
  // A group (Kassym-Jomart) counts once, and only when none of its words was matched.
  for (const g of leftQ) if (!qs.some((t, i) => t.group === g && usedQ.has(i))) score *= 0.8;
  for (const g of leftC) if (!cs.some((t, j) => t.group === g && usedC.has(j))) score *= 0.93;
  if (leftC.size > 0 && score >= 0.5) reasons.push(`the query has fewer words than "${candidate.name}"`);
  if (leftQ.size > 0 && score >= 0.5) reasons.push(`"${candidate.name}" lacks a word of the query`);
  if (!orderKept) reasons.push('word order differs');
  // Token-set agreement: the share of all words that found a close partner (a fuzzy Jaccard on the
  // keys), so that the same words in any order beat a partial match.
  const jaccard = shared / (qs.length + cs.length - shared);
  score = 0.9 * score + 0.1 * jaccard;
  if (score >= 0.5 && reasons.length === 0) reasons.push('same name keys');
  return { score: Math.min(1, score), reasons };
}

/**
 * The people most likely to be the one named by `query`, best first: each person scores as their
 * best-matching name. Only candidates scoring at least `minScore` (LIKELY_MATCH unless given) are
 * returned.
 */
export function rankCandidates(
  query: string,
  people: readonly Candidate[],
  limit = 5,
  minScore = LIKELY_MATCH,
): RankedCandidate[] {
  const q = nameKeys(query);
  if (q.tokens.length === 0) return [];
  const found: RankedCandidate[] = [];
  for (const person of people) {
    let best: RankedCandidate | null = null;
    for (const name of person.names) {
      const m = scoreNames(q, nameKeys(name));
      if (m.score >= minScore && (best === null || m.score > best.score)) {
        best = { id: person.id, score: m.score, matchedName: name, reasons: m.reasons };
      }
    }
    if (best) found.push(best);
  }
  found.sort((a, b) => b.score - a.score);
  return found.slice(0, limit);
}
