/**
 * Measures the matcher on the repo's test tables (cases/variants.tsv, cases/different.tsv): used
 * by `npm run bench:names` (which prints the rates) and by match.test.ts (which guards them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LIKELY_MATCH, rankCandidates, type Candidate, type RankedCandidate } from './match';

export interface VariantCase { person: string; query: string; target: string; source: string }
export interface DifferentCase { person: string; name: string; otherPerson: string; other: string; why: string; source: string }

const casesDir = path.join(import.meta.dirname, 'cases');

function readTable(file: string, columns: number): string[][] {
  const lines = readFileSync(path.join(casesDir, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.slice(1).map((line, n) => {
    const cells = line.split('\t');
    if (cells.length !== columns) throw new Error(`${file} line ${n + 2}: ${cells.length} columns, expected ${columns}`);
    return cells.map((c) => c.trim());
  });
}

export function readVariants(): VariantCase[] {
  return readTable('variants.tsv', 4).map(([person, query, target, source]) => ({ person, query, target, source }));
}

export function readDifferent(): DifferentCase[] {
  return readTable('different.tsv', 6).map(([person, name, otherPerson, other, why, source]) => ({
    person, name, otherPerson, other, why, source,
  }));
}

/** Every person of both tables with the names the tables give them on their record side. */
export function buildPool(variants: VariantCase[], different: DifferentCase[]): Map<string, Set<string>> {
  const pool = new Map<string, Set<string>>();
  const add = (id: string, name: string) => pool.set(id, (pool.get(id) ?? new Set()).add(name));
  for (const v of variants) add(v.person, v.target);
  for (const d of different) {
    add(d.otherPerson, d.other);
    add(d.person, d.name);
  }
  return pool;
}

export interface VariantResult {
  case: VariantCase;
  hit: boolean;
  top: RankedCandidate | null;
  right: RankedCandidate | null;
  /** The best-scoring other person. */
  runnerUp: RankedCandidate | null;
}
export interface DifferentResult { case: DifferentCase; lookAlikeFirst: boolean; wrongFirst: boolean; top: RankedCandidate | null }

export interface Evaluation {
  variants: VariantResult[];
  different: DifferentResult[];
  hitRate: number;
  falseFirstRate: number;
  anyWrongFirstRate: number;
}

/**
 * Variant pair: the pool holds the person under the record's spelling (`target`) only, with every
 * other person of both tables; a hit is the right person ranked first at or above LIKELY_MATCH.
 * Different pair: the query's own person is left out of the pool; a false first is the look-alike
 * ranked first at or above LIKELY_MATCH (any other person there is counted apart, as "any wrong").
 */
export function evaluate(variants = readVariants(), different = readDifferent()): Evaluation {
  const pool = buildPool(variants, different);
  const everyone = (except: string): Candidate[] =>
    [...pool].filter(([id]) => id !== except).map(([id, names]) => ({ id, names: [...names] }));
  const variantResults = variants.map((v) => {
    const people = [...everyone(v.person), { id: v.person, names: [v.target] }];
    const ranked = rankCandidates(v.query, people, people.length, 0);
    const top = ranked[0] ?? null;
    const right = ranked.find((r) => r.id === v.person) ?? null;
    const runnerUp = ranked.find((r) => r.id !== v.person) ?? null;
    const hit = top !== null && top.id === v.person && top.score >= LIKELY_MATCH
      && !(ranked[1] && ranked[1].score === top.score);
    return { case: v, hit, top, right, runnerUp };
  });
  const differentResults = different.map((d) => {
    const top = rankCandidates(d.name, everyone(d.person), 1, 0)[0] ?? null;
    const above = top !== null && top.score >= LIKELY_MATCH;
    return { case: d, top, lookAlikeFirst: above && top.id === d.otherPerson, wrongFirst: above };
  });
  const rate = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    variants: variantResults,
    different: differentResults,
    hitRate: rate(variantResults.filter((r) => r.hit).length, variantResults.length),
    falseFirstRate: rate(differentResults.filter((r) => r.lookAlikeFirst).length, differentResults.length),
    anyWrongFirstRate: rate(differentResults.filter((r) => r.wrongFirst).length, differentResults.length),
  };
}
