import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { citations, sourceCaptures, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCases } from '@/lib/cases/queries';
import { caseInput, readCaseForm } from '@/lib/cases/schema';
import { env } from '@/lib/env';
import type { FormValues } from '@/lib/forms';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique } from '@/lib/test/factories';
import { ARTICLE_SENTENCES, startFixtureSite, type FixtureSite } from '@/lib/test/fixture-site';
import { fetchArticle, keepFetchedArticle, readCapturedSource, readUrlForIntake, searchCapturedSources, type FetchedArticle } from './capture';
import { readArticle } from './queries';
import { draftFormValues, keptDrafts } from './save';

useTestDatabase();

let site: FixtureSite;
let monitor: Actor;
let researcher: Actor;
const original = { ...env };

beforeAll(async () => {
  site = await startFixtureSite();
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
});
afterEach(() => {
  Object.assign(env, original);
});
afterAll(async () => {
  await site.close();
});

/** Captures from the fixture site are allowed, and not rendered (Chromium is slow and beside the point here). */
function allowFixture() {
  env.CAPTURE_ALLOW_HOSTS = ['127.0.0.1'];
  env.CAPTURE_RENDER = 'off';
}

/** A unique URL of a fixture path (the site ignores the query). */
const fixtureUrl = (pathname: string) => `${site.origin}${pathname}?t=${unique('i').replace(/\W/g, '')}`;

async function sourceRowsFor(url: string) {
  return db.select({ id: sources.id, title: sources.title, publisher: sources.publisher }).from(sources).where(eq(sources.url, url));
}

async function fetched(url: string): Promise<FetchedArticle> {
  const result = await fetchArticle(monitor, url);
  if ('refusal' in result) throw new Error(`refused: ${result.refusal}`);
  return result;
}

describe('a URL captured for intake', () => {
  it('is fetched through the capture path and read, writing nothing until it is kept', async () => {
    allowFixture();
    const url = fixtureUrl('/article');
    const article = await fetched(url);
    expect(article.text).toContain(ARTICLE_SENTENCES[0]);
    expect(article.meta).toMatchObject({ url, title: 'Activist detained outside court in Oral', publisher: 'Fixture News' });
    expect(article.existingSourceId).toBeNull();
    expect(await sourceRowsFor(url)).toHaveLength(0);

    const read = await readArticle(monitor, article.text, article.meta, null);
    expect(read.drafts.map((d) => d.name.value)).toEqual(['Aigerim Nurlanovna']);
    const kept = await keepFetchedArticle(monitor, article, read.language);
    if ('refusal' in kept) throw new Error(kept.refusal);
    const rows = await sourceRowsFor(url);
    expect(rows).toEqual([{ id: kept.sourceId, title: 'Activist detained outside court in Oral', publisher: 'Fixture News' }]);
    const [capture] = await db.select({ sourceId: sourceCaptures.sourceId, outcome: sourceCaptures.outcome, text: sourceCaptures.readableText }).from(sourceCaptures).where(eq(sourceCaptures.id, kept.captureId));
    expect(capture).toMatchObject({ sourceId: kept.sourceId, outcome: 'ok' });
    expect(capture.text).toContain(ARTICLE_SENTENCES[3]);
  });

  it('reuses the source already known by that URL: a second capture, not a second source', async () => {
    allowFixture();
    const url = fixtureUrl('/article');
    const first = await keepFetchedArticle(monitor, await fetched(url), 'en');
    if ('refusal' in first) throw new Error(first.refusal);
    await db.update(sources).set({ title: 'Title as the monitor corrected it' }).where(eq(sources.id, first.sourceId));
    const again = await fetched(url);
    expect(again.existingSourceId).toBe(first.sourceId);
    // Cited as the record says, not as the page's title.
    expect(again.meta.title).toBe('Title as the monitor corrected it');
    const second = await keepFetchedArticle(monitor, again, 'en');
    expect(second).toMatchObject({ sourceId: first.sourceId });
    expect(await sourceRowsFor(url)).toHaveLength(1);
    const [{ n }] = await db.select({ n: count() }).from(sourceCaptures).where(eq(sourceCaptures.sourceId, first.sourceId));
    expect(n).toBe(2);
  });

  it.each([
    ['a private address', 'http://10.0.0.1/internal', 'intake.errors.captureBlocked'],
    ['a redirect to the metadata service', '/redirect-metadata', 'intake.errors.captureBlocked'],
    ['a page that is not there', '/missing', 'intake.errors.captureFailed'],
    ['a binary file', '/binary', 'intake.errors.captureUnsupported'],
    ['a PDF', '/document.pdf', 'intake.errors.captureUnsupported'],
  ])('refuses %s with a clear reason and writes nothing', async (_, target, refusal) => {
    allowFixture();
    const url = target.startsWith('/') ? fixtureUrl(target) : target;
    const [{ n: before }] = await db.select({ n: count() }).from(sourceCaptures);
    expect(await fetchArticle(monitor, url)).toEqual({ refusal });
    const [{ n: after }] = await db.select({ n: count() }).from(sourceCaptures);
    expect(after).toBe(before);
    expect(await sourceRowsFor(url)).toHaveLength(0);
  });

  it('refuses the fixture host itself when CAPTURE_ALLOW_HOSTS does not list it (loopback)', async () => {
    env.CAPTURE_ALLOW_HOSTS = [];
    env.CAPTURE_RENDER = 'off';
    const url = fixtureUrl('/article');
    expect(await fetchArticle(monitor, url)).toEqual({ refusal: 'intake.errors.captureBlocked' });
    expect(await sourceRowsFor(url)).toHaveLength(0);
  });

  it.each(['', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd', `https://example.org/${'a'.repeat(2100)}`])('refuses %j as a URL', async (url) => {
    expect(await fetchArticle(monitor, url)).toEqual({ refusal: 'intake.errors.badUrl' });
  });
});

describe('a captured source picked for intake', () => {
  it('is found by title or URL by a monitor, read from its capture, and cited by the saved drafts (the same source row)', async () => {
    allowFixture();
    const url = fixtureUrl('/article');
    const kept = await keepFetchedArticle(monitor, await fetched(url), 'en');
    if ('refusal' in kept) throw new Error(kept.refusal);
    const token = new URL(url).searchParams.get('t')!;
    expect((await searchCapturedSources(monitor, token)).map((s) => s.id)).toEqual([kept.sourceId]);
    expect((await searchCapturedSources(monitor, 'detained outside court in oral')).map((s) => s.id)).toContain(kept.sourceId);

    const sourced = await readCapturedSource(monitor, kept.sourceId);
    if ('refusal' in sourced) throw new Error(sourced.refusal);
    expect(sourced).toMatchObject({ sourceId: kept.sourceId, url, meta: { url, title: 'Activist detained outside court in Oral', publisher: 'Fixture News' } });
    const article = await readArticle(monitor, sourced.text, sourced.meta, sourced.sourceId);
    expect(article.sourceId).toBe(kept.sourceId);
    expect(article.drafts).toHaveLength(1);

    // The review form as posted with every draft kept: it names the source row and its URL.
    const d = article.drafts[0];
    const values: FormValues = {
      draftCount: '1',
      'source.sourceId': String(article.sourceId),
      'source.url': article.source.url ?? '',
      'source.title': article.source.title ?? '',
      'source.publisher': article.source.publisher ?? '',
      'source.published': article.source.published ?? '',
      'source.language': article.language,
      'd.0.keep': 'on',
      'd.0.personName': `${d.name.value} ${unique('x').replace(/\W/g, '')}`,
      'd.0.quote.person': d.name.quote?.text ?? '',
      'd.0.use.place': 'on',
      'd.0.placeId': String(d.place?.value.placeId ?? ''),
      'd.0.quote.place': d.place?.quote?.text ?? '',
      'd.0.plea': 'unknown',
    };
    const inputs = keptDrafts(values).map((i) => caseInput.parse(readCaseForm(draftFormValues(values, i))));
    const result = await createCases(monitor, inputs);
    if (!result.ok) throw new Error('save refused');
    const cited = await db.select({ sourceId: citations.sourceId }).from(citations).where(inArray(citations.detentionId, result.ids));
    expect(cited).toEqual([{ sourceId: kept.sourceId }]);
    expect(await sourceRowsFor(url)).toHaveLength(1);
  });

  it('is neither found nor read by a researcher who may not see the source', async () => {
    allowFixture();
    const url = fixtureUrl('/article');
    const kept = await keepFetchedArticle(monitor, await fetched(url), 'en');
    if ('refusal' in kept) throw new Error(kept.refusal);
    const token = new URL(url).searchParams.get('t')!;
    expect(await searchCapturedSources(researcher, token)).toEqual([]);
    expect(await readCapturedSource(researcher, kept.sourceId)).toEqual({ refusal: 'intake.errors.noCapture' });
  });

  it('is not offered when it has no capture, and an unknown id reads as nothing', async () => {
    const url = fixtureUrl('/article');
    const [source] = await db.insert(sources).values({ url, title: unique('Never captured'), createdById: monitor.id }).returning({ id: sources.id });
    const token = new URL(url).searchParams.get('t')!;
    expect(await searchCapturedSources(monitor, token)).toEqual([]);
    expect(await readCapturedSource(monitor, source.id)).toEqual({ refusal: 'intake.errors.noCapture' });
    expect(await readCapturedSource(monitor, 2_000_000_000)).toEqual({ refusal: 'intake.errors.noCapture' });
  });
});

describe('bad pages given as a URL', () => {
  // A second real web site serving what the fixture site has not: an article reporting no
  // detention, 5 MB of text, undecodable bytes.
  const election = `<!doctype html><html><head><title>Parties register for the vote</title></head><body><article><h1>Parties register for the vote</h1>${'<p>Five parties will compete for seats in the Mazhilis on January 10, the election commission said on Monday, and observers from several countries have been accredited.</p>'.repeat(4)}</article></body></html>`;
  let server: http.Server;
  let origin: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url?.startsWith('/election')) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(election);
      }
      if (req.url?.startsWith('/five-mb')) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end('Police detained activist Marat Zhanuzakov on Monday. '.repeat(100_000));
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([
    ['an article reporting no detention', '/election', 'intake.errors.noDetention'],
    ['5 MB of text', '/five-mb', 'intake.errors.tooLong'],
    ['bytes that are not text', '/binary', 'intake.errors.binary'],
  ])('refuses %s and writes nothing: no source, no capture', async (_, pathname, refusal) => {
    allowFixture();
    const url = `${origin}${pathname}?t=${unique('b').replace(/\W/g, '')}`;
    const [{ n: before }] = await db.select({ n: count() }).from(sourceCaptures);
    expect(await readUrlForIntake(monitor, url)).toEqual({ refusal });
    const [{ n: after }] = await db.select({ n: count() }).from(sourceCaptures);
    expect(after).toBe(before);
    expect(await sourceRowsFor(url)).toHaveLength(0);
  });

  it('keeps the page and its capture when it reports a detention, and the drafts cite it', async () => {
    allowFixture();
    const url = fixtureUrl('/article');
    const result = await readUrlForIntake(monitor, url);
    if ('refusal' in result) throw new Error(result.refusal);
    expect(result.article.drafts.map((d) => d.name.value)).toEqual(['Aigerim Nurlanovna']);
    expect(result.article.source).toMatchObject({ url, title: 'Activist detained outside court in Oral', publisher: 'Fixture News' });
    const rows = await sourceRowsFor(url);
    expect(rows.map((r) => r.id)).toEqual([result.article.sourceId]);
  });
});
