/**
 * The intake's review form, draft by draft, turned into the case form's own fields, so each
 * accepted draft goes through the case form's parsing (readCaseForm), its zod schema (caseInput)
 * and its write path (insertCase), never a second one. A field the monitor unticked is left out;
 * what is kept is saved with review status "draft", citing the article with the quotes as locators.
 */
import { single, type FormValues } from '@/lib/forms';

/** Facts a draft's quotes may support (CITED_FACTS of the case form). */
const QUOTED_FACTS = ['person', 'place', 'date', 'charge', 'sentence', 'plea'] as const;
/** At most this many penalty rows per draft on the review form. */
export const MAX_DRAFT_PENALTIES = 6;
/** At most this many drafts in one save. */
export const MAX_DRAFTS = 60;

/** Indexes of the drafts the review form posted with "keep" ticked. */
export function keptDrafts(values: FormValues): number[] {
  const count = Math.min(Number(single(values, 'draftCount')) || 0, MAX_DRAFTS);
  return Array.from({ length: count }, (_, i) => i).filter((i) => single(values, `d.${i}.keep`) === 'on');
}

/** The case form's values for draft `i` of the review form. */
export function draftFormValues(values: FormValues, i: number): FormValues {
  const get = (key: string) => single(values, `d.${i}.${key}`);
  const used = (field: string) => get(`use.${field}`) === 'on';
  const out: FormValues = {
    personName: get('personName'),
    personId: get('personId'),
    personFromWarning: get('personId') ? '1' : '',
    personRole: 'activist',
    reviewStatus: 'draft',
    confidentiality: 'shareable',
    placePrecision: used('place') && get('placeId') ? 'city' : 'not_stated',
    placeId: used('place') ? get('placeId') : '',
    plea: used('plea') ? get('plea') : 'unknown',
    court: used('court') ? get('court') : '',
  };
  for (const date of ['detained', 'sentenced'] as const) {
    const keep = used(date) && get(`${date}.on`) !== '';
    out[`${date}.on`] = keep ? get(`${date}.on`) : '';
    out[`${date}.qualifier`] = keep ? get(`${date}.qualifier`) : 'unknown';
    out[`${date}.asReported`] = keep ? get(`${date}.asReported`) : '';
  }
  const penalties = Array.from({ length: MAX_DRAFT_PENALTIES }, (_, k) => k).filter((k) => used(`penalty.${k}`) && get(`penalties.${k}.kind`));
  if (used('charge') || penalties.length) {
    const chargeId = used('charge') ? get('charge.chargeId') : '';
    out['charges.0.chargeText'] = used('charge') ? get('charge.text') : '';
    out['charges.0.chargeId'] = chargeId;
    out['charges.0.part'] = chargeId ? get('charge.part') : '';
    out['charges.0.basisOrigin'] = chargeId ? get('charge.basisOrigin') || 'inferred' : '';
    out['charges.0.outcome'] = penalties.length ? 'convicted' : 'unknown';
    if (penalties.length && out['sentenced.on']) {
      out['charges.0.outcomeDate.on'] = out['sentenced.on'];
      out['charges.0.outcomeDate.qualifier'] = out['sentenced.qualifier'];
    }
    penalties.forEach((k, n) => {
      for (const key of ['kind', 'amount', 'unit', 'asReported']) out[`charges.0.penalties.${n}.${key}`] = get(`penalties.${k}.${key}`);
    });
  }
  // The article is the citation of every draft; the quotes of the facts kept are its locators.
  const factUsed: Record<(typeof QUOTED_FACTS)[number], boolean> = {
    person: true,
    place: used('place'),
    date: used('detained') || used('sentenced'),
    charge: used('charge'),
    sentence: penalties.length > 0,
    plea: used('plea'),
  };
  const supports = QUOTED_FACTS.filter((fact) => factUsed[fact] && get(`quote.${fact}`) !== '');
  const quotes = [...new Set(supports.map((fact) => get(`quote.${fact}`)))];
  // A captured source or a URL just captured: its row, found again by its URL (resolveSourceRows).
  out['sources.0.sourceId'] = single(values, 'source.sourceId');
  out['sources.0.url'] = single(values, 'source.url');
  out['sources.0.title'] = single(values, 'source.title');
  out['sources.0.publisher'] = single(values, 'source.publisher');
  out['sources.0.publishedOn'] = single(values, 'source.published');
  out['sources.0.language'] = single(values, 'source.language');
  out['sources.0.locator'] = quotes.map((q) => `“${q}”`).join(' … ').slice(0, 2000);
  out['sources.0.supports'] = [...supports];
  return out;
}

/** A case form error key, as the review form names the input: `d.2.detained.on`, `source.url`. */
export function reviewFieldName(i: number, key: string): string {
  const source = /^sources\.0\.(url|title|publisher|publishedOn|language)$/.exec(key);
  if (source) return `source.${source[1] === 'publishedOn' ? 'published' : source[1]}`;
  const penalty = /^charges\.0\.penalties\.(\d+)\.(\w+)$/.exec(key);
  if (penalty) return `d.${i}.penalties.${penalty[1]}.${penalty[2]}`;
  const charge = /^charges\.0\.(chargeText|chargeId|part|basisOrigin)$/.exec(key);
  if (charge) return `d.${i}.charge.${charge[1] === 'chargeText' ? 'text' : charge[1]}`;
  return `d.${i}.${key}`;
}
