import { count, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { citations, detentions, people, revisions, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { formValues, splitMessage } from '@/lib/forms';
import messages from '@/lib/i18n/messages/en';
import { controlText, dateText, nastyText, numberText, SEED, urlText } from '@/lib/test/arbitraries';
import { useTestDatabase } from '@/lib/test/database';
import { caseForm, createActor } from '@/lib/test/factories';
import { createCase } from './queries';
import { caseInput, readCaseForm } from './schema';

useTestDatabase();

/**
 * The path of a posted detention form, as app/cases/actions.ts runs it: FormData → formValues →
 * readCaseForm → caseInput → createCase. Whatever is posted, the form answers with field errors or
 * saves the whole record: never an exception (a 500), never half a record.
 */

const FIELDS = [
  'personId', 'personName', 'personNameCyrillic', 'personRole', 'personAffiliation', 'placePrecision', 'placeId', 'region', 'placeDetail',
  'detained.on', 'detained.to', 'detained.qualifier', 'detained.asReported', 'electionId',
  'charges.0.chargeId', 'charges.0.part', 'charges.0.basisOrigin', 'charges.0.chargeText', 'charges.0.outcome', 'charges.0.outcomeDate.on',
  'charges.0.penalties.0.kind', 'charges.0.penalties.0.amount', 'charges.0.penalties.0.unit', 'charges.0.penalties.0.replacedBy',
  'charges.1.chargeText', 'charges.1.penalties.2.amount', 'events.0.kind', 'events.0.date.on', 'events.0.source', 'events.3.placeId',
  'court', 'sentenced.on', 'sentenced.qualifier', 'plea', 'publicNotes', 'notes', 'confidentiality', 'reviewStatus', 'reason',
] as const;
const SOURCE_FIELDS = ['sourceId', 'url', 'title', 'publisher', 'publishedOn', 'language', 'locator', 'supports'] as const;

const valueFor = (field: string) => {
  if (/On$|\.on$|\.to$/.test(field)) return fc.oneof(dateText, nastyText);
  if (/Id$|amount$|replacedBy$|source$/.test(field)) return fc.oneof(numberText, nastyText);
  if (/qualifier$/.test(field)) return fc.oneof(fc.constantFrom('exact', 'on_or_before', 'between', 'approximately', 'unknown'), nastyText);
  if (field === 'url') return urlText;
  if (field === 'supports') return fc.oneof(fc.constantFrom('person', 'place', 'date', 'charge', 'sentence', 'plea'), nastyText);
  return fc.oneof(nastyText, fc.constantFrom('activist', 'journalist', 'fine', 'administrative_arrest', 'days', 'USD', 'MCI', 'XYZ', 'guilty', 'convicted', 'dropped', 'stated', 'inferred', 'region', 'not_stated', 'hearing_scheduled', 'released', 'restricted', 'draft'));
};

/** Changes to a valid form: a few fields replaced, repeated or dropped, source rows added or mangled. */
const formChanges = fc.array(
  fc.oneof(
    fc.constantFrom(...FIELDS).chain((f) => fc.tuple(fc.constant(f), fc.array(valueFor(f), { maxLength: 3 }))),
    fc
      .tuple(fc.integer({ min: 0, max: 25 }), fc.constantFrom(...SOURCE_FIELDS))
      .chain(([i, f]) => fc.tuple(fc.constant(`sources.${i}.${f}`), fc.array(valueFor(f), { maxLength: 7 }))),
    fc.tuple(nastyText, fc.array(nastyText, { maxLength: 2 })),
  ),
  { maxLength: 5 },
);

/** Changes that mostly pass validation, so the write path sees odd text, unknown ids and many sources. */
const TEXT_FIELDS = ['personName', 'personNameCyrillic', 'personAffiliation', 'placeDetail', 'charges.0.chargeText', 'charges.0.penalties.0.asReported', 'detained.asReported', 'court', 'publicNotes', 'notes', 'reason'] as const;
const storableChanges = fc.array(
  fc.oneof(
    fc.tuple(fc.constantFrom(...TEXT_FIELDS), fc.oneof(nastyText, controlText).map((v) => [v])),
    fc.tuple(fc.constantFrom('placeId', 'charges.0.chargeId', 'electionId', 'personId', 'events.0.placeId'), fc.constantFrom('1', '2', '999999999', '0').map((v) => [v])),
    fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('title', 'publisher', 'language', 'locator', 'publishedOn', 'sourceId'))
      .chain(([i, f]) => fc.tuple(fc.constant(`sources.${i}.${f}`), (f === 'publishedOn' ? dateText : f === 'sourceId' ? numberText : nastyText).map((v) => [v]))),
    fc.tuple(fc.integer({ min: 1, max: 3 }).map((i) => `sources.${i}.url`), urlText.map((v) => [v])),
  ),
  { minLength: 1, maxLength: 4 },
);

/** The valid form with the changes applied, as the browser would post it (nested rows as dotted names). */
function post(base: Record<string, unknown>, changes: [string, string[]][]): FormData {
  const fields = new Map<string, string[]>();
  const flatten = (value: unknown, name: string) => {
    if (Array.isArray(value) && value.every((v) => typeof v === 'object')) value.forEach((row, i) => flatten(row, `${name}.${i}`));
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) flatten(v, name ? `${name}.${k}` : k);
    } else fields.set(name, [value].flat().map(String));
  };
  flatten(base, '');
  for (const [key, values] of changes) fields.set(key, values);
  const form = new FormData();
  for (const [key, values] of fields) for (const v of values) form.append(key, v);
  return form;
}

/** True when the message's key (placeholder values aside, see lib/forms.ts splitMessage) is in the catalogue. */
function messageExists(message: string): boolean {
  const { key } = splitMessage(message);
  let node: unknown = messages;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string';
}

let base: Record<string, unknown>;

beforeAll(async () => {
  base = await caseForm();
});

/** What this monitor has written so far (other test files may write to the same database). */
async function written(actor: Actor) {
  const mine = db.select({ id: detentions.id }).from(detentions).where(eq(detentions.createdById, actor.id));
  const [d] = await db.select({ n: count() }).from(detentions).where(eq(detentions.createdById, actor.id));
  const [p] = await db.select({ n: count() }).from(people).where(eq(people.createdById, actor.id));
  const [s] = await db.select({ n: count() }).from(sources).where(eq(sources.createdById, actor.id));
  const [c] = await db.select({ n: count() }).from(citations).where(inArray(citations.detentionId, mine));
  const [r] = await db.select({ n: count() }).from(revisions).where(eq(revisions.userId, actor.id));
  return { detentions: d.n, people: p.n, sources: s.n, citations: c.n, revisions: r.n };
}

describe('the detention form, whatever is posted', () => {
  it('refuses with field errors the form can show, never an exception', () => {
    fc.assert(
      fc.property(formChanges, (changes) => {
        const parsed = caseInput.safeParse(readCaseForm(formValues(post(base, changes))));
        if (!parsed.success) {
          for (const issue of parsed.error.issues) expect(messageExists(issue.message), `${issue.path.join('.')}: ${issue.message}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('saves the whole record or nothing, never half of one, and never throws', async () => {
    // Counts are of this monitor's rows only: other test files may write to the same database.
    const actor = await createActor('monitor');
    // A new URL per run, so reusing a source stays the exception, not the rule.
    let run = 0;
    const outcomes = { saved: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(storableChanges, formChanges), async (changes) => {
        run += 1;
        const form = { ...base, personName: `Property ${run} ${base.personName}`, sources: [{ url: `https://news.example.org/property-${actor.id}-${run}`, title: 'A report' }] };
        const parsed = caseInput.safeParse(readCaseForm(formValues(post(form, changes))));
        if (!parsed.success) return;
        const before = await written(actor);
        let result: Awaited<ReturnType<typeof createCase>> | undefined;
        try {
          result = await createCase(actor, parsed.data);
        } finally {
          const after = await written(actor);
          if (result?.ok) expect(after.detentions).toBe(before.detentions + 1);
          // Refused or thrown: nothing of it stays.
          else expect(after).toEqual(before);
        }
        outcomes[result.ok ? 'saved' : 'refused'] += 1;
        if (!result.ok && 'errors' in result) {
          for (const message of Object.values(result.errors).flat()) expect(messageExists(message), message).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
    // Both ways through the write path were taken, or the property proved little.
    expect(outcomes.saved).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(5);
  });
});
