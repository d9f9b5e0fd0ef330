'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState, startTransition } from 'react';
import { CITED_FACTS } from '@/lib/cases/schema';
import type { FormState, FormValues } from '@/lib/forms';

type Option = { id: number; name: string };
export type CaseFormVocabulary = {
  places: { id: number; name: string; region: string; nameKk: string; nameRu: string; latinVariants: string[] }[];
  charges: { id: number; name: string; legalBasis: string }[];
  elections: { id: number; name: string; heldOn: string }[];
  enums: {
    personRole: readonly string[];
    sentenceKind: readonly string[];
    sentenceUnit: readonly string[];
    plea: readonly string[];
    status: readonly string[];
  };
};

type SourceRow = {
  key: number;
  sourceId: string;
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  language: string;
  locator: string;
  supports: string[];
};

type PersonSuggestion = { id: number; displayName: string; role: string; affiliation: string | null; detentionCount: number };
type SourceSuggestion = { id: number; url: string; title: string; publisher: string | null };

const blankRow = (key: number): SourceRow => ({
  key,
  sourceId: '',
  url: '',
  title: '',
  publisher: '',
  publishedOn: '',
  language: '',
  locator: '',
  supports: [],
});

/** The source rows named `sources.N.field` in saved values, in order. */
function rowsFrom(values: FormValues): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const [name, value] of Object.entries(values)) {
    const match = /^sources\.(\d+)\.(\w+)$/.exec(name);
    if (!match) continue;
    const i = Number(match[1]);
    rows[i] ??= blankRow(i);
    const field = match[2] as keyof SourceRow;
    if (field === 'supports') rows[i].supports = [value].flat();
    else if (field !== 'key') (rows[i] as Record<string, unknown>)[field] = String(value);
  }
  const list = rows.filter(Boolean);
  return list.length ? list : [blankRow(0)];
}

function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  const t = useTranslations();
  return (
    <p id={id} className="error" aria-live="polite">
      {messages?.map((m) => t(m)).join(' ')}
    </p>
  );
}

export function CaseForm({
  action,
  vocab,
  initial,
  mode,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  vocab: CaseFormVocabulary;
  initial: FormValues;
  mode: 'create' | 'edit';
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const v = (name: string) => {
    const value = initial[name];
    return typeof value === 'string' ? value : '';
  };
  const invalid = (name: string) => (errors[name] ? true : undefined);
  const describedBy = (name: string, hint = false) =>
    [hint ? `${name}-hint` : null, `${name}-error`].filter(Boolean).join(' ');

  // Activist: pick an existing person or type a new one.
  const [personId, setPersonId] = useState(v('personId'));
  const [personName, setPersonName] = useState(v('personName'));
  const [personQuery, setPersonQuery] = useState('');
  const [personSuggestions, setPersonSuggestions] = useState<PersonSuggestion[]>([]);
  const debouncedPersonQuery = useDebounced(personQuery);
  // Too short a query (or a person already picked) shows nothing: derived, not stored, so no effect
  // has to clear it.
  const personLookup = !personId && debouncedPersonQuery.trim().length >= 2;
  useEffect(() => {
    if (!personLookup) return;
    const controller = new AbortController();
    fetch(`/api/lookup/people?q=${encodeURIComponent(debouncedPersonQuery)}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : { people: [] }))
      .then((data: { people: PersonSuggestion[] }) => setPersonSuggestions(data.people))
      .catch(() => {});
    return () => controller.abort();
  }, [debouncedPersonQuery, personLookup]);

  // Sources: repeatable rows; each can pick a known source by URL or title.
  const [rows, setRows] = useState<SourceRow[]>(() => rowsFrom(initial));
  const nextKey = useRef(rows.length + 1);
  const [activeRow, setActiveRow] = useState<number | null>(null);
  const [sourceQuery, setSourceQuery] = useState('');
  const [sourceSuggestions, setSourceSuggestions] = useState<SourceSuggestion[]>([]);
  const debouncedSourceQuery = useDebounced(sourceQuery);
  const sourceLookup = debouncedSourceQuery.trim().length >= 3;
  useEffect(() => {
    if (!sourceLookup) return;
    const controller = new AbortController();
    fetch(`/api/lookup/sources?q=${encodeURIComponent(debouncedSourceQuery)}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : { sources: [] }))
      .then((data: { sources: SourceSuggestion[] }) => setSourceSuggestions(data.sources))
      .catch(() => {});
    return () => controller.abort();
  }, [debouncedSourceQuery, sourceLookup]);

  const updateRow = (key: number, patch: Partial<SourceRow>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  // Leaving the page with unsaved input asks first: monitors must not lose work.
  const [dirty, setDirty] = useState(false);
  const submitting = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!submitting.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => {
    if (state.errors || state.formError) submitting.current = false;
  }, [state]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Submitting through the action state (not the form's own action) keeps every typed value
    // in place when the server answers with errors: React would otherwise reset the form.
    event.preventDefault();
    submitting.current = true;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  const enumSelect = (name: string, enumName: string, values: readonly string[], label: string, blank?: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={v(name)} aria-invalid={invalid(name)} aria-describedby={describedBy(name)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`enums.${enumName}.${value}`)}
          </option>
        ))}
      </select>
      <FieldError id={`${name}-error`} messages={errors[name]} />
    </div>
  );
  const idSelect = (name: string, label: string, options: Option[], blank: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={v(name)} aria-invalid={invalid(name)} aria-describedby={describedBy(name)}>
        <option value="">{blank}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError id={`${name}-error`} messages={errors[name]} />
    </div>
  );
  const text = (name: string, label: string, hint?: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} defaultValue={v(name)} aria-invalid={invalid(name)} aria-describedby={describedBy(name, !!hint)} {...props} />
      {hint && (
        <span id={`${name}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldError id={`${name}-error`} messages={errors[name]} />
    </div>
  );

  const selectedPlaceLabel = (p: CaseFormVocabulary['places'][number]) => {
    const other = [...p.latinVariants.slice(0, 2), p.nameKk, p.nameRu].filter((n) => n !== p.name);
    return `${p.name} (${[...new Set(other)].join(', ')}) — ${p.region}`;
  };

  return (
    <form onSubmit={onSubmit} onChange={() => setDirty(true)} className="stack" noValidate>
      {mode === 'edit' && (
        <>
          <input type="hidden" name="id" value={v('id')} />
          <input type="hidden" name="version" value={v('version')} />
        </>
      )}
      {state.formError && (
        <div role="alert" className="banner error">
          {t(state.formError)}
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <div role="alert" className="banner error">
          {t('form.hasErrors')}
        </div>
      )}

      <fieldset>
        <legend>{t('form.person')}</legend>
        <div className="grid">
          <div className="field">
            <label htmlFor="personName">{t('fields.activist')}</label>
            <input
              id="personName"
              name="personName"
              value={personName}
              autoComplete="off"
              aria-invalid={invalid('personName')}
              aria-describedby={describedBy('personName', true)}
              onChange={(e) => {
                setPersonName(e.target.value);
                setPersonQuery(e.target.value);
                setPersonId('');
              }}
            />
            <input type="hidden" name="personId" value={personId} />
            <span id="personName-hint" className="hint">
              {personId ? t('form.personExisting') : t('form.personNew')}
            </span>
            <FieldError id="personName-error" messages={errors.personName ?? errors.personId} />
            {personLookup && personSuggestions.length > 0 && (
              <ul className="suggestions" aria-label={t('form.personSuggestions')}>
                {personSuggestions.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      onClick={() => {
                        setPersonId(String(p.id));
                        setPersonName(p.displayName);
                        setPersonSuggestions([]);
                      }}
                    >
                      {t('form.usePerson', {
                        name: p.displayName,
                        role: t(`enums.personRole.${p.role}`),
                        count: p.detentionCount,
                      })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {!personId && (
            <>
              {text('personNameCyrillic', t('fields.personNameCyrillic'), t('form.cyrillicHint'))}
              {enumSelect('personRole', 'personRole', vocab.enums.personRole, t('fields.personRole'))}
              {text('personAffiliation', t('fields.affiliation'))}
            </>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('form.detention')}</legend>
        <div className="grid">
          <div className="field">
            <label htmlFor="placeId">{t('fields.city')}</label>
            <select id="placeId" name="placeId" defaultValue={v('placeId')} aria-invalid={invalid('placeId')} aria-describedby={describedBy('placeId')}>
              <option value="">{t('form.chooseCity')}</option>
              {vocab.places.map((p) => (
                <option key={p.id} value={p.id}>
                  {selectedPlaceLabel(p)}
                </option>
              ))}
            </select>
            <FieldError id="placeId-error" messages={errors.placeId} />
          </div>
          {text('placeDetail', t('fields.placeDetail'), t('form.placeDetailHint'))}
          {text('detainedOn', t('fields.detainedOn'), t('form.dateHint'), { inputMode: 'numeric', placeholder: t('form.datePlaceholder') })}
          {idSelect('electionId', t('fields.election'), vocab.elections, t('form.none'))}
          {enumSelect('status', 'status', vocab.enums.status, t('fields.status'))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('form.proceedings')}</legend>
        <div className="grid">
          {idSelect(
            'chargeId',
            t('fields.charge'),
            vocab.charges.map((c) => ({ id: c.id, name: `${c.legalBasis}: ${c.name}` })),
            t('form.chargeUnknown'),
          )}
          {text('chargeText', t('fields.chargeText'), t('form.chargeTextHint'))}
          {text('court', t('fields.court'))}
          {text('sentencedOn', t('fields.sentencedOn'), t('form.dateHint'), { inputMode: 'numeric', placeholder: t('form.datePlaceholder') })}
          {enumSelect('sentenceKind', 'sentenceKind', vocab.enums.sentenceKind, t('fields.sentence'))}
          {text('sentenceAmount', t('fields.sentenceAmount'), undefined, { inputMode: 'numeric' })}
          {enumSelect('sentenceUnit', 'sentenceUnit', vocab.enums.sentenceUnit, t('fields.sentenceUnit'), t('form.none'))}
          {enumSelect('plea', 'plea', vocab.enums.plea, t('fields.plea'))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('form.sources')}</legend>
        <p className="hint">{t('form.sourcesHint')}</p>
        <FieldError id="sources-error" messages={errors.sources} />
        {rows.map((row, i) => {
          const name = (field: string) => `sources.${i}.${field}`;
          const err = (field: string) => errors[name(field)];
          return (
            <div key={row.key} className="source-row" role="group" aria-label={t('form.sourceN', { n: i + 1 })}>
              <input type="hidden" name={name('sourceId')} value={row.sourceId} />
              <div className="grid">
                <div className="field">
                  <label htmlFor={name('url')}>{t('fields.sourceUrl')}</label>
                  <input
                    id={name('url')}
                    name={name('url')}
                    type="url"
                    inputMode="url"
                    value={row.url}
                    autoComplete="off"
                    aria-invalid={err('url') ? true : undefined}
                    aria-describedby={`${name('url')}-error`}
                    onChange={(e) => {
                      updateRow(row.key, { url: e.target.value, sourceId: '' });
                      setActiveRow(row.key);
                      setSourceQuery(e.target.value);
                    }}
                  />
                  <FieldError id={`${name('url')}-error`} messages={err('url')} />
                  {activeRow === row.key && sourceLookup && sourceSuggestions.length > 0 && (
                    <ul className="suggestions" aria-label={t('form.sourceSuggestions')}>
                      {sourceSuggestions.map((s) => (
                        <li key={s.id}>
                          <button
                            type="button"
                            onClick={() => {
                              updateRow(row.key, { sourceId: String(s.id), url: s.url, title: s.title, publisher: s.publisher ?? '' });
                              setSourceSuggestions([]);
                              setActiveRow(null);
                            }}
                          >
                            {t('form.useSource', { title: s.title, url: s.url })}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                  {row.sourceId && <span className="hint">{t('form.sourceExisting')}</span>}
                </div>
                <div className="field">
                  <label htmlFor={name('title')}>{t('fields.sourceTitle')}</label>
                  <input
                    id={name('title')}
                    name={name('title')}
                    value={row.title}
                    aria-invalid={err('title') ? true : undefined}
                    aria-describedby={`${name('title')}-error`}
                    onChange={(e) => {
                      updateRow(row.key, { title: e.target.value });
                      setActiveRow(row.key);
                      setSourceQuery(e.target.value);
                    }}
                  />
                  <FieldError id={`${name('title')}-error`} messages={err('title')} />
                </div>
                {(['publisher', 'publishedOn', 'language', 'locator'] as const).map((field) => (
                  <div className="field" key={field}>
                    <label htmlFor={name(field)}>{t(`fields.source_${field}`)}</label>
                    <input
                      id={name(field)}
                      name={name(field)}
                      value={row[field]}
                      aria-invalid={err(field) ? true : undefined}
                      aria-describedby={`${name(field)}-error`}
                      onChange={(e) => updateRow(row.key, { [field]: e.target.value })}
                    />
                    <FieldError id={`${name(field)}-error`} messages={err(field)} />
                  </div>
                ))}
              </div>
              <fieldset className="checks">
                <legend className="hint">{t('fields.supports')}</legend>
                {CITED_FACTS.map((fact) => (
                  <label key={fact}>
                    <input
                      type="checkbox"
                      name={name('supports')}
                      value={fact}
                      checked={row.supports.includes(fact)}
                      onChange={(e) =>
                        updateRow(row.key, {
                          supports: e.target.checked ? [...row.supports, fact] : row.supports.filter((f) => f !== fact),
                        })
                      }
                    />{' '}
                    {t(`facts.${fact}`)}
                  </label>
                ))}
              </fieldset>
              {rows.length > 1 && (
                <button type="button" className="secondary" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                  {t('form.removeSource', { n: i + 1 })}
                </button>
              )}
            </div>
          );
        })}
        <button type="button" className="secondary" onClick={() => setRows((all) => [...all, blankRow(nextKey.current++)])}>
          {t('form.addSource')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('form.recordKeeping')}</legend>
        <div className="grid">
          {enumSelect('confidentiality', 'confidentiality', ['shareable', 'restricted'], t('fields.confidentiality'))}
          {enumSelect('reviewStatus', 'reviewStatus', ['draft', 'verified'], t('fields.reviewStatus'))}
        </div>
        <div className="field">
          <label htmlFor="notes">{t('fields.notes')}</label>
          <textarea id="notes" name="notes" defaultValue={v('notes')} aria-invalid={invalid('notes')} aria-describedby={describedBy('notes', true)} />
          <span id="notes-hint" className="hint">
            {t('form.notesHint')}
          </span>
          <FieldError id="notes-error" messages={errors.notes} />
        </div>
        {mode === 'edit' && text('reason', t('fields.reason'), t('form.reasonHint'))}
      </fieldset>

      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? t('form.saving') : t('form.save')}
        </button>
      </div>
    </form>
  );
}
