'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useMemo, useState } from 'react';
import type { Draft, Quote } from '@/lib/intake/extract';
import type { ReadArticle } from '@/lib/intake/queries';
import { MAX_DRAFT_PENALTIES } from '@/lib/intake/save';
import { MAX_ARTICLE_CHARS } from '@/lib/intake/schema';
import styles from './intake.module.css';
import { readArticleAction, saveDraftsAction, searchCapturedSourcesAction, type ReadState, type SaveState, type SourceSearchState } from './actions';

export type IntakeVocabulary = {
  places: { id: number; name: string; region: string }[];
  charges: { id: number; name: string; legalBasis: string }[];
  enums: { plea: readonly string[]; penaltyKind: readonly string[]; penaltyUnit: readonly string[]; dateQualifier: readonly string[]; basisOrigin: readonly string[] };
};

/** Submits through the action without React resetting the form, so typed input survives a refusal. */
function submitWith(action: (form: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
}

function useMetaLabels() {
  const t = useTranslations('intake');
  return { url: t('metaUrl'), title: t('metaTitle'), publisher: t('metaPublisher'), published: t('metaPublished') };
}

function ErrorText({ messages, id }: { messages?: string[]; id?: string }) {
  const t = useTranslations();
  if (!messages?.length) return null;
  return (
    <p className="error" id={id} role="alert">
      {messages.map((m) => t(m as never)).join(' ')}
    </p>
  );
}

export function IntakeForm({ vocabulary }: { vocabulary: IntakeVocabulary }) {
  const t = useTranslations('intake');
  const [state, readAction, reading] = useActionState<ReadState, FormData>(readArticleAction, {});
  const typed = state.typed ?? {};
  const labels = useMetaLabels();
  // Text far over the limit is refused here too: the request would exceed what a server action accepts.
  const [tooLong, setTooLong] = useState(false);
  const read = (form: FormData) => {
    const text = form.get('text');
    const over = typeof text === 'string' && text.length > MAX_ARTICLE_CHARS;
    setTooLong(over);
    if (!over) readAction(form);
  };
  const error = tooLong ? 'intake.errors.tooLong' : state.error;
  const [search, searchAction, searching] = useActionState<SourceSearchState, FormData>(searchCapturedSourcesAction, {});
  return (
    <>
      <form onSubmit={submitWith(searchAction)} aria-label={t('searchForm')} role="search">
        <div className="field">
          <label htmlFor="intake-source-q">{t('sourceSearch')}</label>
          <p className="hint" id="intake-source-q-hint">{t('sourceSearchHint')}</p>
          <input id="intake-source-q" name="q" type="search" defaultValue={search.query} aria-describedby="intake-source-q-hint" />
          <button type="submit" disabled={searching}>
            {searching ? t('searching') : t('search')}
          </button>
        </div>
      </form>
      <form onSubmit={submitWith(read)} aria-label={t('readForm')}>
        {search.results && (
          <fieldset aria-live="polite">
            <legend>{t('sourceResults')}</legend>
            {search.results.length === 0 && <p className="hint">{t('noSourcesFound', { query: search.query ?? '' })}</p>}
            <label className="inline">
              <input type="radio" name="sourceId" value="" defaultChecked={!typed.sourceId} /> {t('useText')}
            </label>
            {search.results.map((r) => (
              <label className="inline" key={r.id}>
                <input type="radio" name="sourceId" value={r.id} defaultChecked={typed.sourceId === String(r.id)} /> {r.title}
                {r.publisher ? ` (${r.publisher})` : ''} <span className="hint">{r.url}</span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="intake-capture-url">{t('captureUrl')}</label>
          <p className="hint" id="intake-capture-url-hint">{t('captureUrlHint')}</p>
          <input id="intake-capture-url" name="captureUrl" inputMode="url" defaultValue={typed.captureUrl} aria-describedby="intake-capture-url-hint" />
        </div>
        <div className="field">
          <label htmlFor="intake-text">{t('text')}</label>
          <p className="hint" id="intake-text-hint">{t('textHint')}</p>
          <textarea id="intake-text" name="text" rows={12} defaultValue={typed.text} key={`text-${typed.text?.length ?? 0}`} aria-describedby="intake-text-hint" />
        </div>
        <details>
          <summary>{t('citationFields')}</summary>
          <p className="hint">{t('citationHint')}</p>
          {(['url', 'title', 'publisher', 'published'] as const).map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`intake-${name}`}>{labels[name]}</label>
              <input id={`intake-${name}`} name={name} defaultValue={typed[name]} />
              <ErrorText messages={state.errors?.[name]} />
            </div>
          ))}
        </details>
        <button type="submit" disabled={reading}>
          {reading ? t('reading') : t('read')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {t(error.replace(/^intake\./, '') as never)}
        </p>
      )}
      {!tooLong && state.article && <Review key={state.article.text.length + state.article.drafts.length} article={state.article} vocabulary={vocabulary} />}
    </>
  );
}

type Span = { start: number; end: number; drafts: Set<number> };

/** The article as text with every quote of the drafts marked; the selected draft's marks stand out. */
function MarkedArticle({ text, drafts, active }: { text: string; drafts: Draft[]; active: number | null }) {
  const spans = useMemo(() => {
    const byRange = new Map<string, Span>();
    drafts.forEach((d, i) => {
      for (const q of quotesOf(d)) {
        const key = `${q.start}:${q.end}`;
        const span = byRange.get(key) ?? { start: q.start, end: q.end, drafts: new Set<number>() };
        span.drafts.add(i);
        byRange.set(key, span);
      }
    });
    const sorted = [...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Span[] = [];
    for (const s of sorted) if (!kept.length || s.start >= kept[kept.length - 1].end) kept.push(s);
    return kept;
  }, [drafts]);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={s.start} className={active !== null && s.drafts.has(active) ? styles.active : undefined} data-drafts={[...s.drafts].join(' ')}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return <div className={styles.article}>{parts}</div>;
}

function quotesOf(d: Draft): Quote[] {
  return [d.name.quote, d.place?.quote, d.detained.quote, d.sentenced?.quote, d.charge?.quote, ...d.penalties.map((p) => p.quote), d.plea.quote, d.court?.quote].filter(
    (q): q is Quote => !!q,
  );
}

function QuoteText({ quote, fromCourt, fromScene }: { quote: Quote | null | undefined; fromCourt?: boolean; fromScene?: boolean }) {
  const t = useTranslations('intake');
  return (
    <p className="hint">
      {quote ? (
        <>
          {t('quote')} <q>{quote.text}</q>
        </>
      ) : (
        t('noQuote')
      )}
      {fromCourt && <> {t('fromCourt')}</>}
      {fromScene && <> {t('fromScene')}</>}
    </p>
  );
}

function Review({ article, vocabulary }: { article: ReadArticle; vocabulary: IntakeVocabulary }) {
  const t = useTranslations('intake');
  const tr = useTranslations();
  const [active, setActive] = useState<number | null>(null);
  const [state, saveAction, saving] = useActionState<SaveState, FormData>(saveDraftsAction, {});
  const errors = state.errors ?? {};
  const labels = useMetaLabels();
  const { drafts } = article;
  if (state.savedIds) {
    return (
      <div role="status" className="banner">
        <p>{t('saved', { count: state.savedIds.length })}</p>
        <ul>
          {state.savedIds.map((id) => (
            <li key={id}>
              <Link href={`/cases/${id}`}>{t('savedLink', { id })}</Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const dateText = (d: Draft['detained'] | null) => (d ? `${d.value.qualifier === 'exact' ? '' : `${tr(`enums.dateQualifier.${d.value.qualifier}` as never)} `}${d.value.on}` : '');
  return (
    <section aria-labelledby="intake-found">
      <h2 id="intake-found">{t('found', { count: drafts.length })}</h2>
      <table>
        <caption>{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('person')}</th>
            <th scope="col">{t('place')}</th>
            <th scope="col">{t('detained')}</th>
            <th scope="col">{t('charge')}</th>
            <th scope="col">{t('sentence')}</th>
            <th scope="col">{t('plea')}</th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => (
            <tr key={i} onMouseEnter={() => setActive(i)}>
              <th scope="row">{d.name.value}</th>
              <td>{d.place?.value.name}</td>
              <td>{dateText(d.detained)}</td>
              <td>{d.charge?.value.text}</td>
              <td>{d.penalties.map((p) => `${tr(`enums.penaltyKind.${p.value.kind}` as never)} ${p.value.amount ?? ''} ${p.value.unit ? tr(`enums.penaltyUnit.${p.value.unit}` as never) : ''}`.trim()).join('; ')}</td>
              <td>{tr(`enums.plea.${d.plea.value}` as never)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <form onSubmit={submitWith(saveAction)} aria-label={t('saveForm')}>
        <input type="hidden" name="draftCount" value={drafts.length} />
        <input type="hidden" name="source.language" value={article.language} />
        <fieldset>
          <legend>{t('source')}</legend>
          {/* A captured source (picked, or a URL just captured) is cited as its record says: the fields are shown, not edited. */}
          <p className="hint">{article.sourceId === null ? t('sourceHint') : t('citedSource')}</p>
          {article.sourceId !== null && <input type="hidden" name="source.sourceId" value={article.sourceId} />}
          {(['url', 'title', 'publisher', 'published'] as const).map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`source-${name}`}>{labels[name]}</label>
              <input id={`source-${name}`} name={`source.${name}`} defaultValue={article.source[name] ?? ''} readOnly={article.sourceId !== null} />
              <ErrorText messages={errors[`source.${name}`]} />
            </div>
          ))}
        </fieldset>

        <div className={styles.sideBySide}>
          <section aria-labelledby="intake-article-heading">
            <h3 id="intake-article-heading">{t('article')}</h3>
            <MarkedArticle text={article.text} drafts={drafts} active={active} />
          </section>
          <section aria-labelledby="intake-drafts-heading">
            <h3 id="intake-drafts-heading">{t('drafts')}</h3>
            {drafts.map((d, i) => (
              <DraftFields key={i} index={i} draft={d} likely={article.likely[i] ?? []} vocabulary={vocabulary} errors={errors} onFocus={() => setActive(i)} />
            ))}
          </section>
        </div>
        {state.formError && (
          <p className="error" role="alert">
            {state.formError.startsWith('intake.') ? t(state.formError.slice('intake.'.length) as never) : tr(state.formError as never)}
          </p>
        )}
        <button type="submit" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
      </form>
    </section>
  );
}

function UseBox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  return (
    <label className="inline">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} /> {label}
    </label>
  );
}

function DraftFields({
  index,
  draft,
  likely,
  vocabulary,
  errors,
  onFocus,
}: {
  index: number;
  draft: Draft;
  likely: ReadArticle['likely'][number];
  vocabulary: IntakeVocabulary;
  errors: Record<string, string[]>;
  onFocus: () => void;
}) {
  const t = useTranslations('intake');
  const tr = useTranslations();
  const p = `d.${index}.`;
  const id = (name: string) => `d${index}-${name}`;
  const err = (name: string) => errors[`${p}${name}`];
  const enumOptions = (name: keyof IntakeVocabulary['enums']) =>
    vocabulary.enums[name].map((v) => (
      <option key={v} value={v}>
        {tr(`enums.${name}.${v}` as never)}
      </option>
    ));
  const quote = (q: Quote | null | undefined, fact: string) => <input type="hidden" name={`${p}quote.${fact}`} value={q?.text ?? ''} />;
  const personErrors = Object.entries(errors).filter(([k]) => k === `${p}personName` || k === `${p}personId`).flatMap(([, v]) => v);
  return (
    <fieldset onFocus={onFocus} onMouseEnter={onFocus} className={styles.draft}>
      <legend>{t('draft', { n: index + 1, name: draft.name.value })}</legend>
      <UseBox name={`${p}keep`} label={t('keep')} defaultChecked />

      <div className="field">
        <label htmlFor={id('personName')}>{t('person')}</label>
        <input id={id('personName')} name={`${p}personName`} defaultValue={draft.name.value} />
        <QuoteText quote={draft.name.quote} />
        {quote(draft.name.quote, 'person')}
        {likely.length > 0 && (
          <fieldset>
            <legend>{t('likelyTitle')}</legend>
            <label className="inline">
              <input type="radio" name={`${p}personId`} value="" defaultChecked /> {t('newPerson')}
            </label>
            {likely.map((person) => (
              <label className="inline" key={person.id}>
                <input type="radio" name={`${p}personId`} value={person.id} /> {t('samePerson', { name: person.displayName, count: person.detentions.count })}
              </label>
            ))}
          </fieldset>
        )}
        <ErrorText messages={personErrors} />
      </div>

      <div className="field">
        <UseBox name={`${p}use.place`} label={t('usePlace')} defaultChecked={!!draft.place} />
        <label htmlFor={id('placeId')}>{t('place')}</label>
        <select id={id('placeId')} name={`${p}placeId`} defaultValue={draft.place?.value.placeId ?? ''}>
          <option value="">{t('notStated')}</option>
          {vocabulary.places.map((pl) => (
            <option key={pl.id} value={pl.id}>
              {pl.name}
            </option>
          ))}
        </select>
        <QuoteText quote={draft.place?.quote} fromCourt={draft.place?.value.fromCourt} fromScene={draft.place?.value.fromScene} />
        {quote(draft.place?.quote, 'place')}
        <ErrorText messages={err('placeId')} />
      </div>

      {(['detained', 'sentenced'] as const).map((which) => {
        const date = which === 'detained' ? draft.detained : draft.sentenced;
        return (
          <div className="field" key={which}>
            <UseBox name={`${p}use.${which}`} label={t(which === 'detained' ? 'useDetained' : 'useSentenced')} defaultChecked={!!date?.value.on} />
            <label htmlFor={id(`${which}-on`)}>{t(which)}</label>
            <input id={id(`${which}-on`)} name={`${p}${which}.on`} defaultValue={date?.value.on ?? ''} placeholder="YYYY-MM-DD" />
            <label htmlFor={id(`${which}-qualifier`)}>{t('qualifier')}</label>
            <select id={id(`${which}-qualifier`)} name={`${p}${which}.qualifier`} defaultValue={date?.value.qualifier ?? 'exact'}>
              {enumOptions('dateQualifier')}
            </select>
            <input type="hidden" name={`${p}${which}.asReported`} value={date?.value.asReported ?? ''} />
            <QuoteText quote={date?.quote} />
            {which === 'detained' && quote(date?.quote ?? draft.sentenced?.quote, 'date')}
            <ErrorText messages={[...(err(`${which}.on`) ?? []), ...(err(`${which}.qualifier`) ?? [])]} />
          </div>
        );
      })}

      <div className="field">
        <UseBox name={`${p}use.charge`} label={t('useCharge')} defaultChecked={!!draft.charge} />
        <label htmlFor={id('charge-text')}>{t('chargeText')}</label>
        <input id={id('charge-text')} name={`${p}charge.text`} defaultValue={draft.charge?.value.text ?? ''} />
        <label htmlFor={id('charge-id')}>{t('chargeArticle')}</label>
        <select id={id('charge-id')} name={`${p}charge.chargeId`} defaultValue={draft.charge?.value.chargeId ?? ''}>
          <option value="">{t('noArticle')}</option>
          {vocabulary.charges.map((c) => (
            <option key={c.id} value={c.id}>
              {c.legalBasis}: {c.name}
            </option>
          ))}
        </select>
        <label htmlFor={id('charge-part')}>{t('part')}</label>
        <input id={id('charge-part')} name={`${p}charge.part`} defaultValue={draft.charge?.value.part ?? ''} size={4} />
        <label htmlFor={id('charge-basis')}>{t('basis')}</label>
        <select id={id('charge-basis')} name={`${p}charge.basisOrigin`} defaultValue={draft.charge?.value.basis ?? 'inferred'}>
          {enumOptions('basisOrigin')}
        </select>
        <QuoteText quote={draft.charge?.quote} />
        {quote(draft.charge?.quote, 'charge')}
        <ErrorText messages={[...(err('charge.text') ?? []), ...(err('charge.chargeId') ?? []), ...(err('charge.part') ?? []), ...(err('charges.0.outcome') ?? [])]} />
      </div>

      <fieldset>
        <legend>{t('sentence')}</legend>
        {draft.penalties.length === 0 && <p className="hint">{t('noSentence')}</p>}
        {draft.penalties.slice(0, MAX_DRAFT_PENALTIES).map((pen, k) => (
          <div className="field" key={k}>
            <UseBox name={`${p}use.penalty.${k}`} label={t('usePenalty', { n: k + 1 })} defaultChecked />
            <label htmlFor={id(`pen${k}-kind`)}>{t('kind')}</label>
            <select id={id(`pen${k}-kind`)} name={`${p}penalties.${k}.kind`} defaultValue={pen.value.kind}>
              {enumOptions('penaltyKind')}
            </select>
            <label htmlFor={id(`pen${k}-amount`)}>{t('amount')}</label>
            <input id={id(`pen${k}-amount`)} name={`${p}penalties.${k}.amount`} defaultValue={pen.value.amount ?? ''} size={8} />
            <label htmlFor={id(`pen${k}-unit`)}>{t('unit')}</label>
            <select id={id(`pen${k}-unit`)} name={`${p}penalties.${k}.unit`} defaultValue={pen.value.unit ?? ''}>
              <option value="" />
              {enumOptions('penaltyUnit')}
            </select>
            <input type="hidden" name={`${p}penalties.${k}.asReported`} value={pen.value.asReported} />
            <QuoteText quote={pen.quote} />
            <ErrorText messages={[...(err(`penalties.${k}.amount`) ?? []), ...(err(`penalties.${k}.unit`) ?? [])]} />
          </div>
        ))}
        {quote(draft.penalties[0]?.quote, 'sentence')}
      </fieldset>

      <div className="field">
        <UseBox name={`${p}use.plea`} label={t('usePlea')} defaultChecked={draft.plea.value !== 'unknown'} />
        <label htmlFor={id('plea')}>{t('plea')}</label>
        <select id={id('plea')} name={`${p}plea`} defaultValue={draft.plea.value}>
          {enumOptions('plea')}
        </select>
        <QuoteText quote={draft.plea.quote} />
        {quote(draft.plea.quote, 'plea')}
      </div>

      <div className="field">
        <UseBox name={`${p}use.court`} label={t('useCourt')} defaultChecked={!!draft.court} />
        <label htmlFor={id('court')}>{t('court')}</label>
        <input id={id('court')} name={`${p}court`} defaultValue={draft.court?.value ?? ''} />
        <QuoteText quote={draft.court?.quote} />
      </div>
      <ErrorText messages={Object.entries(errors).filter(([k]) => k.startsWith(p) && /\.(sources|charges|events|_form)/.test(k)).flatMap(([, v]) => v)} />
    </fieldset>
  );
}
