'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { isLocale } from '@/lib/i18n/locales';
import { localName, nameLookup } from '@/lib/i18n/vocabulary';
import type { FormValues } from '@/lib/forms';
import { DateIntervalField } from './date-interval-field';
import { RowValues, SelectField, TextField, useEnumChoices, useField } from './field';
import { useRows } from './rows';
import type { SourceRow } from './source-rows';
import type { CaseFormVocabulary } from './types';

/** The custody timeline (`events.N.…`): what happened, when, where, and which source says so. */
export function EventRows({ values, vocab, sources }: { values: FormValues; vocab: CaseFormVocabulary; sources: SourceRow[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const reader = isLocale(locale) ? locale : 'en';
  // The event's city in the reader's language, as the detention's own city combobox shows it.
  const placeOptions = useMemo(() => {
    const region = nameLookup(vocab.regionNames, reader);
    return vocab.places.map((p) => ({ value: String(p.id), label: `${localName(p, reader)} — ${region(p.region)}` }));
  }, [vocab.places, vocab.regionNames, reader]);
  const { rows, add, remove } = useRows(values, 'events');
  // A source is named by its position in the form's source list, as the server reads it.
  const sourceChoices = sources.map((s, i) => ({ value: String(i + 1), label: t('form.sourceChoice', { n: i + 1, title: s.title || s.url || '…' }) }));
  return (
    <section aria-labelledby="events-heading" className="stack">
      <h2 id="events-heading">{t('form.timeline')}</h2>
      <p className="hint">{t('form.timelineHint')}</p>
      {rows.map((row, i) => (
        <RowValues key={row.key} prefix={`events.${i}`} values={row.values}>
          <EventRow n={i + 1} name={`events.${i}`} vocab={vocab} placeOptions={placeOptions} sourceChoices={sourceChoices} onRemove={() => remove(row.key)} />
        </RowValues>
      ))}
      <button type="button" className="secondary" onClick={add}>
        {t('form.addEvent')}
      </button>
    </section>
  );
}

function EventRow({
  n,
  name,
  vocab,
  placeOptions,
  sourceChoices,
  onRemove,
}: {
  n: number;
  name: string;
  vocab: CaseFormVocabulary;
  placeOptions: { value: string; label: string }[];
  sourceChoices: { value: string; label: string }[];
  onRemove: () => void;
}) {
  const t = useTranslations();
  const choices = useEnumChoices();
  const stored = useField(`${name}.kind`).value;
  const [kind, setKind] = useState(stored);
  return (
    <fieldset className="event-row">
      <legend>{t('form.eventN', { n })}</legend>
      <div className="grid">
        <SelectField name={`${name}.kind`} label={t('fields.eventKind')} blank={t('form.choose')} options={choices('custodyEventKind', vocab.enums.custodyEventKind)} value={kind} onChange={setKind} />
        <SelectField name={`${name}.placeId`} label={t('fields.eventPlace')} blank={t('form.none')} options={placeOptions} />
        <TextField name={`${name}.placeDetail`} label={t('fields.eventPlaceDetail')} />
        <SelectField name={`${name}.source`} label={t('fields.eventSource')} blank={t('form.none')} options={sourceChoices} />
      </div>
      <DateIntervalField name={`${name}.date`} legend={t('form.eventDate', { n })} allowFuture={kind === 'hearing_scheduled'} />
      <TextField name={`${name}.note`} label={t('fields.eventNote')} multiline />
      <button type="button" className="secondary" onClick={onRemove}>
        {t('form.removeEvent', { n })}
      </button>
    </fieldset>
  );
}
