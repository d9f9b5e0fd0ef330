'use client';

import { useLocale, useTranslations } from 'next-intl';
import { isLocale } from '@/lib/i18n/locales';
import { nameLookup } from '@/lib/i18n/vocabulary';
import { useState } from 'react';
import { SelectField, TextField, useEnumChoices, useField } from './field';
import { PlaceCombobox } from './place-combobox';
import type { CaseFormVocabulary } from './types';

type Place = CaseFormVocabulary['places'][number];

/** "Astana (Nur-Sultan, Астана) — Astana city": every spelling a monitor may be reading. */
export function placeLabel(p: Place): string {
  const other = [...p.latinVariants.slice(0, 2), p.nameKk, p.nameRu].filter((n) => n !== p.name);
  return `${p.name} (${[...new Set(other)].join(', ')}) — ${p.region}`;
}

/**
 * Where, as precisely as the source says: a city (for "city" and "exact address"), a region alone,
 * the country, or nothing. Never a guessed city: the city list only appears when the source names one.
 */
export function PlaceSection({ vocab }: { vocab: CaseFormVocabulary }) {
  const t = useTranslations();
  const locale = useLocale();
  const regionLabel = nameLookup(vocab.regionNames, isLocale(locale) ? locale : 'en');
  const choices = useEnumChoices();
  const stored = useField('placePrecision').value;
  const [precision, setPrecision] = useState(stored || 'city');
  // The plain list is what a browser without JavaScript gets; the combobox replaces it otherwise.
  const citySelect = (
    <SelectField
      name="placeId"
      label={t('fields.city')}
      blank={t('form.chooseCity')}
      options={vocab.places.map((p) => ({ value: String(p.id), label: placeLabel(p) }))}
    />
  );
  const region = <SelectField name="region" label={t('fields.region')} blank={t('form.chooseRegion')} options={vocab.regions.map((r) => ({ value: r, label: regionLabel(r) }))} />;
  return (
    <>
      <SelectField
        name="placePrecision"
        label={t('fields.placePrecision')}
        hint={t('form.placePrecisionHint')}
        options={choices('placePrecision', vocab.enums.placePrecision)}
        value={precision}
        onChange={setPrecision}
      />
      {/* Without JavaScript the precision can't reveal the matching list, so both are offered then. */}
      {precision === 'city' || precision === 'address' ? (
        <PlaceCombobox name="placeId" label={t('fields.city')} places={vocab.places} fallback={citySelect} />
      ) : (
        <noscript>{citySelect}</noscript>
      )}
      {precision === 'region' ? region : <noscript>{region}</noscript>}
      <TextField name="placeDetail" label={t('fields.placeDetail')} hint={t('form.placeDetailHint')} />
    </>
  );
}
