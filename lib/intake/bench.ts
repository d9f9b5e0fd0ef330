/**
 * The intake benchmark: runs extractDrafts over the corpus (lib/intake/corpus: a report and its
 * hand-made truth file) and scores it: recall of detainees, precision of drafts, and exact
 * accuracy of each field on the drafts matched to a real detainee. Pure (reads files only), so
 * the CI test and `npm run bench:intake` compute the same numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { matchKeyOf } from '@/lib/names/match';
import { extractDrafts, type Draft } from './extract';
import { penaltyKey } from './penalties';
import { seedCharges, seedGazetteer } from './seed-vocabulary';

export const CORPUS_DIR = path.join(process.cwd(), 'lib/intake/corpus');
/** Reports written after the rules were first tuned, scored once before any fix (see docs/BENCHMARKS-intake.md). */
export const SECOND_SET_DIR = path.join(process.cwd(), 'lib/intake/corpus-heldout');

export type TruthDetainee = { name: string; city: string; date: string; charge: string; sentence: string; plea: string };
export const FIELDS = ['name', 'city', 'date', 'charge', 'sentence', 'plea'] as const;
export type BenchField = (typeof FIELDS)[number];

export type ReportScore = { report: string; truth: number; drafts: number; matched: number; misses: Partial<Record<BenchField, string[]>>; missed: string[]; extra: string[] };
export type BenchResult = {
  reports: number;
  truth: number;
  drafts: number;
  matched: number;
  recall: number;
  precision: number;
  fields: Record<BenchField, number>;
  perReport: ReportScore[];
};

/** A draft's date as the truth files write it: "2021-01-04", "<=2021-01", "" for unknown. */
export function dateKey(d: Draft): string {
  const { on, qualifier } = d.detained.value;
  if (!on || qualifier === 'unknown') return '';
  return qualifier === 'on_or_before' ? `<=${on}` : qualifier === 'on_or_after' ? `>=${on}` : on;
}

const norm = (s: string) => s.toLowerCase().replace(/[«»"“”„'’]/g, '').replace(/\s+/g, ' ').trim();
const surnameOf = (name: string) => matchKeyOf(name.split(/\s+/).pop() ?? '');

function fieldValues(d: Draft): Record<BenchField, string> {
  return {
    name: matchKeyOf(d.name.value),
    city: d.place?.value.name ?? '',
    date: dateKey(d),
    charge: norm(d.charge?.value.text ?? ''),
    sentence: d.penalties.map((p) => penaltyKey(p.value)).join('; '),
    plea: d.plea.value,
  };
}

function truthValues(t: TruthDetainee): Record<BenchField, string> {
  return { name: matchKeyOf(t.name), city: t.city, date: t.date, charge: norm(t.charge), sentence: t.sentence, plea: t.plea };
}

export function listCorpus(dir = CORPUS_DIR): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => f.slice(0, -4));
}

export function runBenchmark(dir = CORPUS_DIR): BenchResult {
  const places = seedGazetteer();
  const charges = seedCharges();
  const correct = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<BenchField, number>;
  let truthCount = 0;
  let draftCount = 0;
  let matchedCount = 0;
  const perReport: ReportScore[] = [];
  for (const name of listCorpus(dir)) {
    const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
    const truth = (JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { detainees: TruthDetainee[] }).detainees;
    const { drafts } = extractDrafts(text, { places, charges });
    const used = new Set<number>();
    const score: ReportScore = { report: name, truth: truth.length, drafts: drafts.length, matched: 0, misses: {}, missed: [], extra: [] };
    for (const t of truth) {
      const want = truthValues(t);
      // Same person: the same name key, or failing that the same surname key.
      let i = drafts.findIndex((d, j) => !used.has(j) && matchKeyOf(d.name.value) === want.name);
      if (i < 0) i = drafts.findIndex((d, j) => !used.has(j) && surnameOf(d.name.value) === surnameOf(t.name));
      if (i < 0) {
        score.missed.push(t.name);
        continue;
      }
      used.add(i);
      score.matched++;
      const got = fieldValues(drafts[i]);
      for (const f of FIELDS) {
        if (got[f] === want[f]) correct[f]++;
        else (score.misses[f] ??= []).push(`${t.name}: got "${got[f]}", want "${want[f]}"`);
      }
    }
    drafts.forEach((d, j) => {
      if (!used.has(j)) score.extra.push(d.name.value);
    });
    truthCount += truth.length;
    draftCount += drafts.length;
    matchedCount += score.matched;
    perReport.push(score);
  }
  const pct = (a: number, b: number) => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);
  return {
    reports: perReport.length,
    truth: truthCount,
    drafts: draftCount,
    matched: matchedCount,
    recall: pct(matchedCount, truthCount),
    precision: pct(matchedCount, draftCount),
    fields: Object.fromEntries(FIELDS.map((f) => [f, pct(correct[f], matchedCount)])) as Record<BenchField, number>,
    perReport,
  };
}

/** The result as the Markdown table docs/BENCHMARKS-intake.md shows. */
export function formatBenchmark(r: BenchResult): string {
  const lines = [
    `Reports: ${r.reports}; detainees in the truth files: ${r.truth}; drafts proposed: ${r.drafts}; matched: ${r.matched}`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| recall (detainees found) | ${r.recall}% | ≥ 90% |`,
    `| precision (drafts that are real detainees) | ${r.precision}% | ≥ 90% |`,
    ...FIELDS.map((f) => `| ${f} exact (matched drafts) | ${r.fields[f]}% | ≥ 85% |`),
    '',
    'Misses per report:',
    '',
  ];
  for (const p of r.perReport) {
    const problems = [
      ...p.missed.map((m) => `missed ${m}`),
      ...p.extra.map((m) => `extra draft ${m}`),
      ...Object.entries(p.misses).flatMap(([f, list]) => list!.map((m) => `${f}: ${m}`)),
    ];
    lines.push(`- ${p.report}: ${p.matched}/${p.truth} found, ${p.drafts} drafts${problems.length ? '' : ', all fields right'}`);
    for (const problem of problems) lines.push(`  - ${problem}`);
  }
  return lines.join('\n');
}
