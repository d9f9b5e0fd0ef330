'use client';

import { useLocale, useTranslations } from 'next-intl';
import { isLocale } from '@/lib/i18n/locales';
import { localName } from '@/lib/i18n/vocabulary';
import { DateIntervalField } from './date-interval-field';
import { SelectField } from './field';
import { PlaceSection } from './place-section';
import type { CaseFormVocabulary } from './types';

/** Where and when: the place (city combobox or region), the election it came before, the date detained. */
export function DetentionSection({ vocab }: { vocab: CaseFormVocabulary }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <fieldset>
      <legend>{t('form.detention')}</legend>
      <div className="grid">
        <PlaceSection vocab={vocab} />
        <SelectField
          name="electionId"
          label={t('fields.election')}
          blank={t('form.none')}
          options={vocab.elections.map((e) => ({ value: String(e.id), label: isLocale(locale) ? localName(e, locale) : e.name }))}
        />
      </div>
      <DateIntervalField name="detained" legend={t('fields.detainedOn')} />
    </fieldset>
  );
}
