'use client';

import { useTranslations } from 'next-intl';
import type { FormValues } from '@/lib/forms';
import { ChargeRows } from './charge-rows';
import { DateIntervalField } from './date-interval-field';
import { SelectField, TextField, useEnumChoices } from './field';
import type { CaseFormVocabulary } from './types';

/** Charges and court: one row per charge (outcome, penalties), the court, the plea, the sentence date. */
export function ProceedingsSection({ values, vocab }: { values: FormValues; vocab: CaseFormVocabulary }) {
  const t = useTranslations();
  const choices = useEnumChoices();
  return (
    <fieldset>
      <legend>{t('form.proceedings')}</legend>
      <ChargeRows values={values} vocab={vocab} />
      <div className="grid">
        <TextField name="court" label={t('fields.court')} />
        <SelectField name="plea" label={t('fields.plea')} options={choices('plea', vocab.enums.plea)} />
      </div>
      <DateIntervalField name="sentenced" legend={t('fields.sentencedOn')} />
    </fieldset>
  );
}
