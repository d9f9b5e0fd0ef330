import fs from 'node:fs';
import path from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { citations, detentions, people, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCases } from '@/lib/cases/queries';
import { caseInput, readCaseForm } from '@/lib/cases/schema';
import type { FormValues } from '@/lib/forms';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, placeId, unique } from '@/lib/test/factories';
import { readArticle, type ReadArticle } from './queries';
import { draftFormValues, keptDrafts } from './save';

useTestDatabase();

let monitor: Actor;
beforeAll(async () => {
  monitor = await createActor('monitor');
});

/** What the review form posts when the monitor keeps every draft and every field it found. */
function reviewForm(article: ReadArticle, url: string): FormValues {
  const v: FormValues = { draftCount: String(article.drafts.length), 'source.url': url, 'source.title': article.source.title ?? '', 'source.published': article.source.published ?? '' };
  article.drafts.forEach((d, i) => {
    const p = `d.${i}.`;
    Object.assign(v, {
      [`${p}keep`]: 'on',
      [`${p}personName`]: d.name.value,
      [`${p}quote.person`]: d.name.quote?.text ?? '',
      [`${p}use.place`]: d.place ? 'on' : '',
      [`${p}placeId`]: String(d.place?.value.placeId ?? ''),
      [`${p}quote.place`]: d.place?.quote?.text ?? '',
      [`${p}use.detained`]: 'on',
      [`${p}detained.on`]: d.detained.value.on,
      [`${p}detained.qualifier`]: d.detained.value.qualifier,
      [`${p}quote.date`]: d.detained.quote?.text ?? '',
      [`${p}use.sentenced`]: d.sentenced ? 'on' : '',
      [`${p}sentenced.on`]: d.sentenced?.value.on ?? '',
      [`${p}sentenced.qualifier`]: d.sentenced?.value.qualifier ?? 'exact',
      [`${p}use.charge`]: d.charge ? 'on' : '',
      [`${p}charge.text`]: d.charge?.value.text ?? '',
      [`${p}charge.chargeId`]: String(d.charge?.value.chargeId ?? ''),
      [`${p}charge.basisOrigin`]: d.charge?.value.basis ?? '',
      [`${p}quote.charge`]: d.charge?.quote?.text ?? '',
      [`${p}use.plea`]: 'on',
      [`${p}plea`]: d.plea.value,
      [`${p}quote.plea`]: d.plea.quote?.text ?? '',
    });
    d.penalties.forEach((pen, k) => {
      Object.assign(v, {
        [`${p}use.penalty.${k}`]: 'on',
        [`${p}penalties.${k}.kind`]: pen.value.kind,
        [`${p}penalties.${k}.amount`]: String(pen.value.amount ?? ''),
        [`${p}penalties.${k}.unit`]: pen.value.unit ?? '',
        [`${p}quote.sentence`]: pen.quote?.text ?? '',
      });
    });
  });
  return v;
}

const corpusText = (name: string) => fs.readFileSync(path.join(process.cwd(), 'lib/intake/corpus', `${name}.txt`), 'utf8');

describe('saving intake drafts', () => {
  it('saves every kept draft as a draft detention citing the article, through the case schema, in one go', async () => {
    const article = await readArticle(monitor, corpusText('09-semey-seven'), { url: null, title: null, publisher: null, published: null });
    expect(article.drafts).toHaveLength(7);
    const url = `https://example.org/${unique('intake').replace(/\W/g, '')}`;
    const values = reviewForm(article, url);
    const inputs = keptDrafts(values).map((i) => caseInput.parse(readCaseForm(draftFormValues(values, i))));
    const result = await createCases(monitor, inputs);
    expect(result.ok).toBe(true);
    const ids = result.ok ? result.ids : [];
    const rows = await db
      .select({ status: detentions.reviewStatus, placeId: detentions.placeId, plea: detentions.plea, detainedEarliest: detentions.detainedEarliest, name: people.displayName })
      .from(detentions)
      .innerJoin(people, eq(people.id, detentions.personId))
      .where(inArray(detentions.id, ids));
    expect(rows).toHaveLength(7);
    const semey = await placeId('Semey');
    for (const row of rows) expect(row).toMatchObject({ status: 'draft', placeId: semey, plea: 'not_guilty', detainedEarliest: '2021-01-05' });
    const cited = await db
      .select({ url: sources.url, locator: citations.locator, supports: citations.supports })
      .from(citations)
      .innerJoin(sources, eq(sources.id, citations.sourceId))
      .where(inArray(citations.detentionId, ids));
    expect(cited).toHaveLength(7);
    for (const c of cited) {
      expect(c.url).toBe(url);
      expect(c.locator).toContain('“violating the procedure for holding a peaceful assembly”');
      expect(c.supports).toEqual(expect.arrayContaining(['person', 'place', 'date', 'sentence', 'plea']));
    }
  });

  it('saves nothing when one draft of the batch is refused', async () => {
    const article = await readArticle(monitor, corpusText('07-pavlodar-two'), { url: null, title: null, publisher: null, published: null });
    const values = reviewForm(article, `https://example.org/${unique('intake')}`);
    values['d.1.placeId'] = '999999';
    const inputs = keptDrafts(values).map((i) => caseInput.parse(readCaseForm(draftFormValues(values, i))));
    const [before] = await db.select({ n: count() }).from(detentions);
    const result = await createCases(monitor, inputs);
    expect(result).toMatchObject({ ok: false, index: 1 });
    const [after] = await db.select({ n: count() }).from(detentions);
    expect(after.n).toBe(before.n);
  });

  it('leaves out a field the monitor unticked, and a draft not kept', async () => {
    const article = await readArticle(monitor, corpusText('07-pavlodar-two'), { url: null, title: null, publisher: null, published: null });
    const values = reviewForm(article, 'https://example.org/x');
    values['d.0.use.plea'] = '';
    values['d.1.keep'] = '';
    expect(keptDrafts(values)).toEqual([0]);
    const form = draftFormValues(values, 0);
    expect(form.plea).toBe('unknown');
    expect(form['sources.0.supports']).not.toContain('plea');
  });
});
