'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { CITED_FACTS } from '@/lib/cases/form-options';
import type { FormValues } from '@/lib/forms';
import { LookupCombobox } from '@/app/components/lookup-combobox';
import { FieldError, useField } from './field';
import { useLookup } from './use-lookup';

export type SourceRow = {
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

type SourceSuggestion = { id: number; url: string; title: string; publisher: string | null };

const blankSource = (key: number): SourceRow => ({ key, sourceId: '', url: '', title: '', publisher: '', publishedOn: '', language: '', locator: '', supports: [] });

/** The source rows named `sources.N.field` in saved values, in order (one blank row when none). */
export function sourceRowsFrom(values: FormValues): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const [name, value] of Object.entries(values)) {
    const match = /^sources\.(\d+)\.(\w+)$/.exec(name);
    if (!match) continue;
    const i = Number(match[1]);
    rows[i] ??= blankSource(i);
    const field = match[2] as keyof SourceRow;
    if (field === 'supports') rows[i].supports = [value].flat();
    else if (field !== 'key' && field in rows[i]) (rows[i] as Record<string, unknown>)[field] = String(value);
  }
  const list = rows.filter(Boolean);
  return list.length ? list : [blankSource(0)];
}

/** Every detention cites at least one source; each row can reuse a source already on record. */
export function SourceRows({ rows, setRows }: { rows: SourceRow[]; setRows: React.Dispatch<React.SetStateAction<SourceRow[]>> }) {
  const t = useTranslations();
  const nextKey = useRef(rows.length + 100);
  // The one field (row key and url/title) whose text is being looked up.
  const [activeField, setActiveField] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const lookup = useLookup<SourceSuggestion>('/api/lookup/sources', 'sources', query, 3);
  const listError = useField('sources').messages;
  const update = (key: number, patch: Partial<SourceRow>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const search = (key: number, field: 'url' | 'title', text: string) => {
    setActiveField(`${key}:${field}`);
    setQuery(text);
  };
  const reuse = (key: number, s: SourceSuggestion) => {
    update(key, { sourceId: String(s.id), url: s.url, title: s.title, publisher: s.publisher ?? '' });
    lookup.clear();
    setActiveField(null);
  };
  const suggestionsFor = (key: number, field: 'url' | 'title') => (activeField === `${key}:${field}` ? lookup.suggestions : []);
  return (
    <fieldset>
      <legend>{t('form.sources')}</legend>
      <p className="hint">{t('form.sourcesHint')}</p>
      <FieldError id="sources-error" messages={listError} />
      {rows.map((row, i) => (
        <div key={row.key} className="source-row" role="group" aria-label={t('form.sourceN', { n: i + 1 })}>
          <input type="hidden" name={`sources.${i}.sourceId`} value={row.sourceId} />
          <div className="grid">
            <SourceLookup
              index={i}
              field="url"
              label={t('fields.sourceUrl')}
              value={row.url}
              onType={(url) => (update(row.key, { url, sourceId: '' }), search(row.key, 'url', url))}
              suggestions={suggestionsFor(row.key, 'url')}
              onPick={(s) => reuse(row.key, s)}
            >
              {row.sourceId && <span className="hint">{t('form.sourceExisting')}</span>}
            </SourceLookup>
            <SourceLookup
              index={i}
              field="title"
              label={t('fields.sourceTitle')}
              value={row.title}
              onType={(title) => (update(row.key, { title }), search(row.key, 'title', title))}
              suggestions={suggestionsFor(row.key, 'title')}
              onPick={(s) => reuse(row.key, s)}
            />
            {(['publisher', 'publishedOn', 'language', 'locator'] as const).map((field) => (
              <SourceInput key={field} index={i} field={field} label={t(`fields.source_${field}`)} value={row[field]} onChange={(value) => update(row.key, { [field]: value })} />
            ))}
          </div>
          <fieldset className="checks">
            <legend className="hint">{t('fields.supports')}</legend>
            {CITED_FACTS.map((fact) => (
              <label key={fact}>
                <input
                  type="checkbox"
                  name={`sources.${i}.supports`}
                  value={fact}
                  checked={row.supports.includes(fact)}
                  onChange={(e) => update(row.key, { supports: e.target.checked ? [...row.supports, fact] : row.supports.filter((f) => f !== fact) })}
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
      ))}
      <button type="button" className="secondary" onClick={() => setRows((all) => [...all, blankSource(nextKey.current++)])}>
        {t('form.addSource')}
      </button>
    </fieldset>
  );
}

function SourceInput({
  index,
  field,
  label,
  value,
  type,
  onChange,
  children,
}: {
  index: number;
  field: string;
  label: string;
  value: string;
  type?: string;
  onChange: (value: string) => void;
  children?: React.ReactNode;
}) {
  const name = `sources.${index}.${field}`;
  const { props, messages } = useField(name);
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input {...props} type={type} inputMode={type === 'url' ? 'url' : undefined} value={value} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      <FieldError id={`${name}-error`} messages={messages} />
      {children}
    </div>
  );
}

/** A source's URL or title, suggesting sources already on record that match what is typed. */
function SourceLookup({
  index,
  field,
  label,
  value,
  onType,
  suggestions,
  onPick,
  children,
}: {
  index: number;
  field: 'url' | 'title';
  label: string;
  value: string;
  onType: (value: string) => void;
  suggestions: SourceSuggestion[];
  onPick: (source: SourceSuggestion) => void;
  children?: React.ReactNode;
}) {
  const t = useTranslations();
  const name = `sources.${index}.${field}`;
  const { props, messages } = useField(name);
  return (
    <LookupCombobox<SourceSuggestion>
      id={name}
      name={name}
      label={label}
      required
      value={value}
      onType={onType}
      items={suggestions}
      itemKey={(s) => s.id}
      itemText={(s) => t('form.useSource', { title: s.title, url: s.url })}
      onPick={onPick}
      listLabel={t('form.sourceSuggestions')}
      inputProps={{ 'aria-invalid': props['aria-invalid'], 'aria-describedby': props['aria-describedby'], ...(field === 'url' ? { type: 'url', inputMode: 'url' } : {}) }}
    >
      <FieldError id={`${name}-error`} messages={messages} />
      {children}
    </LookupCombobox>
  );
}
