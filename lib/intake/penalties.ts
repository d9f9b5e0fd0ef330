/**
 * Sentences as reports word them: days of administrative arrest ("seven days in jail", "15 суток
 * ареста", "10 тәулікке"), fines with their currency ("87,500 tenge", "штраф 100 МРП"), prison and
 * restricted-freedom terms, bans and warnings. Offsets are relative to the sentence searched.
 */
import type { PenaltyKind, PenaltyUnit } from '@/db/schema';
import { numberOf } from './dates';

export type PenaltyFinding = { start: number; end: number; text: string; kind: PenaltyKind; amount: number | null; unit: PenaltyUnit | null };

const N = '(\\d{1,3}(?:[ ,\\u00a0]\\d{3})*(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|один|одного|два|двух|три|трех|трёх|пять|пяти|семь|семи|десять|десяти|пятнадцать|пятнадцати|двадцать|тридцать)';

type Rule = { re: RegExp; kind: PenaltyKind; unit: PenaltyUnit | null | ((m: RegExpExecArray) => PenaltyUnit) };

const unitOfWord = (w: string): PenaltyUnit => {
  const k = w.toLowerCase();
  if (/^(year|год|лет|жыл)/.test(k)) return 'years';
  if (/^(month|месяц|ай)/.test(k)) return 'months';
  if (/^(hour|час|сағат)/.test(k)) return 'hours';
  return 'days';
};

const currencyOf = (w: string): PenaltyUnit => {
  const k = w.toLowerCase();
  if (/^(mci|мрп|аек|monthly)/.test(k)) return 'MCI';
  if (/^(\$|usd|dollar|доллар)/.test(k)) return 'USD';
  if (/^(eur|€|евро)/.test(k)) return 'EUR';
  if (/^(rub|руб)/.test(k)) return 'RUB';
  return 'KZT';
};

const RULES: Rule[] = [
  // Administrative arrest
  { re: new RegExp(`\\b${N}[ -]days?(?: of| in)? (?:administrative )?(?:jail|prison|arrest|detention|behind bars|custody)`, 'gi'), kind: 'administrative_arrest', unit: 'days' },
  { re: new RegExp(`\\b${N}[ -]day (?:administrative )?(?:jail|prison|arrest|detention)(?: term| sentence)?`, 'gi'), kind: 'administrative_arrest', unit: 'days' },
  { re: new RegExp(`\\b(?:sentenced|jailed)(?: \\w+){0,12}? (?:to|for) ${N} days\\b`, 'gi'), kind: 'administrative_arrest', unit: 'days' },
  { re: new RegExp(`\\bto ${N}[ -]days?\\b`, 'gi'), kind: 'administrative_arrest', unit: 'days' },
  { re: new RegExp(`(?<!\\p{L})к ${N} (?:суткам)(?: (?:административного )?ареста)?`, 'giu'), kind: 'administrative_arrest', unit: 'days' },
  { re: new RegExp(`(?<!\\p{L})${N} (?:суток|сутки)(?: (?:административного )?ареста)?`, 'giu'), kind: 'administrative_arrest', unit: 'days' },
  { re: new RegExp(`(?<!\\p{L})${N} (?:тәулікке|тәулік)`, 'giu'), kind: 'administrative_arrest', unit: 'days' },
  { re: new RegExp(`\\b(?:received|got|given|handed|serve|serving)\\s(?:a\\s)?${N}[ -]days?\\b(?: each)?`, 'gi'), kind: 'administrative_arrest', unit: 'days' },
  // Fines
  {
    re: new RegExp(`\\b(?:fined|fine of|fine)\\s(?:(?:each|all|both)(?: of them)?\\s|them\\s|him\\s|her\\s)?(?:of\\s)?(?:about |some )?(?:\\$)?${N}\\s?(tenge|KZT|MCI|monthly calculation indices|monthly calculation index|dollars|USD|euros?|rubles?)`, 'gi'),
    kind: 'fine',
    unit: (m) => currencyOf(m[2]),
  },
  { re: new RegExp(`\\b${N}\\s?(tenge|KZT|MCI)(?: fines?)?`, 'gi'), kind: 'fine', unit: (m) => currencyOf(m[2]) },
  { re: new RegExp(`(?<!\\p{L})${N}\\s?(тенге|тг|МРП|АЕК|теңге)(?!\\p{L})`, 'giu'), kind: 'fine', unit: (m) => currencyOf(m[2]) },
  // Prison, restricted freedom, probation, bans
  { re: new RegExp(`\\b${N}[ -](years?|months?)(?: in prison| of imprisonment| behind bars| prison(?: term| sentence)?| in (?:a )?(?:penal colony|jail))`, 'gi'), kind: 'imprisonment', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`\\b${N}[ -](years?|months?)(?: of| of a)? (?:restricted|restriction of) (?:freedom|liberty)`, 'gi'), kind: 'restricted_freedom', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`\\b(?:restricted|restriction of) (?:freedom|liberty) for ${N} (years?|months?)`, 'gi'), kind: 'restricted_freedom', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`\\b${N}[ -](years?|months?)(?: suspended| probation| of probation)`, 'gi'), kind: 'probation', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`\\bbanned from [\\w\\s]{3,60}? for ${N} (years?|months?)`, 'gi'), kind: 'activity_ban', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`(?<!\\p{L})${N} (лет|года?|годам|месяц\\p{L}*) (?:лишения свободы|заключения|колонии|тюрьмы)`, 'giu'), kind: 'imprisonment', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`(?<!\\p{L})${N} (лет|года?|месяц\\p{L}*) (?:ограничения свободы)`, 'giu'), kind: 'restricted_freedom', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`(?<!\\p{L})ограничени\\p{L}* свободы (?:сроком )?на ${N} (лет|года?|месяц\\p{L}*)`, 'giu'), kind: 'restricted_freedom', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`(?<!\\p{L})запрет\\p{L}* [\\p{L}\\s]{3,60}? (?:сроком )?на ${N} (лет|года?|месяц\\p{L}*)`, 'giu'), kind: 'activity_ban', unit: (m) => unitOfWord(m[2]) },
  { re: new RegExp(`(?<!\\p{L})${N} (жылға|жыл) (?:бас бостандығынан айыру|түрме)`, 'giu'), kind: 'imprisonment', unit: 'years' },
  { re: /\b(?:(?:was|were) (?:given|issued) a warning|warned by the court)\b/gi, kind: 'warning', unit: null },
  { re: /(?<!\p{L})(?:вынес\p{L}* предупреждение|ограничил\p{L}* предупреждением|получил\p{L}* предупреждение)/giu, kind: 'warning', unit: null },
];

function amountOf(text: string): number | null {
  const digits = text.replace(/[\s\u00a0,]/g, '');
  if (/^\d+(\.\d+)?$/.test(digits)) return Number(digits);
  return numberOf(text);
}

/** The penalties a sentence reports, one per kind and amount, in order. */
export function findPenalties(sentence: string): PenaltyFinding[] {
  const out: PenaltyFinding[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m; m = rule.re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      // "faces up to six years", "грозит до 7 лет": what the law allows, not a sentence.
      if (/\b(?:up to|faces?|facing|could get|maximum(?: of)?|as many as)\s*$|(?<!\p{L})(?:до|грозит|грозит до)\s*$/iu.test(sentence.slice(Math.max(0, start - 20), start))) continue;
      const unit = typeof rule.unit === 'function' ? rule.unit(m) : rule.unit;
      const amount = rule.kind === 'warning' ? null : amountOf(m[1]);
      if (rule.kind !== 'warning' && (amount === null || amount <= 0)) continue;
      out.push({ start, end, text: m[0], kind: rule.kind, amount, unit });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A penalty as the benchmark and the review table compare it: "administrative_arrest 7 days". */
export function penaltyKey(p: { kind: string; amount: number | null; unit: string | null }): string {
  return [p.kind, p.amount ?? '', p.unit ?? ''].join(' ').trim();
}
