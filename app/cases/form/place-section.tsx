'use client';

import { useLocale, useTranslations } from 'next-intl';
import { isLocale } from '@/lib/i18n/locales';
import { localName, nameLookup } from '@/lib/i18n/vocabulary';
import { useMemo, useState } from 'react';
import { SelectField, TextField, useEnumChoices, useField } from './field';
import { PlaceCombobox } from './place-combobox';
import type { CaseFormVocabulary } from './types';

type Place = CaseFormVocabulary['places'][number];

/**
 * "Astana (Nur-Sultan, Астана) — Astana": every spelling a monitor may be reading, the name and
 * region first in the reader's language.
 */
export function placeLabel(p: Place, name = p.name, region = p.region): string {
  const other = [p.name, ...p.latinVariants.slice(0, 2), p.nameKk, p.nameRu].filter((n) => n !== name);
  return `${name} (${[...new Set(other)].join(', ')}) — ${region}`;
}

/**
 * Where, as precisely as the source says: a city (for "city" and "exact address"), a region alone,
 * the country, or nothing. Never a guessed city: the city list only appears when the source names one.
 */
export function PlaceSection({ vocab }: { vocab: CaseFormVocabulary }) {
  const t = useTranslations();
  const locale = useLocale();
  const reader = isLocale(locale) ? locale : 'en';
  const regionLabel = useMemo(() => nameLookup(vocab.regionNames, reader), [vocab.regionNames, reader]);
  const placeName = useMemo(() => (p: Place) => localName(p, reader), [reader]);
  const choices = useEnumChoices();
  const stored = useField('placePrecision').value;
  const [precision, setPrecision] = useState(stored || 'city');
  // The plain list is what a browser without JavaScript gets; the combobox replaces it otherwise.
  const citySelect = (
    <SelectField
      name="placeId"
      label={t('fields.city')}
      blank={t('form.chooseCity')}
      options={vocab.places.map((p) => ({ value: String(p.id), label: placeLabel(p, placeName(p), regionLabel(p.region)) }))}
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
        <PlaceCombobox name="placeId" label={t('fields.city')} places={vocab.places} fallback={citySelect} nameOf={placeName} regionOf={regionLabel} />
      ) : (
        <noscript>{citySelect}</noscript>
      )}
      {precision === 'region' ? region : <noscript>{region}</noscript>}
      <TextField name="placeDetail" label={t('fields.placeDetail')} hint={t('form.placeDetailHint')} />
    </>
  );
}
