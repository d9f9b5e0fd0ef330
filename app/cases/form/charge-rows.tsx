'use client';

import { useLocale, useTranslations } from 'next-intl';
import { legalBasisText } from '@/lib/format';
import { isLocale } from '@/lib/i18n/locales';
import { localName } from '@/lib/i18n/vocabulary';
import { useState } from 'react';
import type { FormValues } from '@/lib/forms';
import { DateIntervalField } from './date-interval-field';
import { FieldError, RowValues, SelectField, TextField, useEnumChoices, useField } from './field';
import { PenaltyRows } from './penalty-rows';
import { useRows } from './rows';
import type { CaseFormVocabulary } from './types';

/** The charges (`charges.N.…`), each with its article and part, its outcome and its penalties. */
export function ChargeRows({ values, vocab }: { values: FormValues; vocab: CaseFormVocabulary }) {
  const t = useTranslations();
  const { rows, add, remove } = useRows(values, 'charges');
  const listError = useField('charges').messages;
  return (
    <section aria-labelledby="charges-heading" className="stack">
      <h2 id="charges-heading">{t('form.charges')}</h2>
      <p className="hint">{t('form.chargesHint')}</p>
      <FieldError id="charges-error" messages={listError} />
      {rows.map((row, i) => (
        <RowValues key={row.key} prefix={`charges.${i}`} values={row.values}>
          <ChargeRow n={i + 1} name={`charges.${i}`} values={row.values} vocab={vocab} onRemove={() => remove(row.key)} />
        </RowValues>
      ))}
      <button type="button" className="secondary" onClick={add}>
        {t('form.addCharge')}
      </button>
    </section>
  );
}

function ChargeRow({ n, name, values, vocab, onRemove }: { n: number; name: string; values: FormValues; vocab: CaseFormVocabulary; onRemove: () => void }) {
  const locale = useLocale();
  const t = useTranslations();
  const choices = useEnumChoices();
  const storedArticle = useField(`${name}.chargeId`).value;
  const [article, setArticle] = useState(storedArticle);
  const origin = useField(`${name}.basisOrigin`, true);
  const [basisOrigin, setBasisOrigin] = useState(origin.value);
  return (
    <fieldset className="charge-row">
      <legend>{t('form.chargeN', { n })}</legend>
      <div className="grid">
        <SelectField
          name={`${name}.chargeId`}
          label={t('fields.legalBasis')}
          blank={t('form.noArticle')}
          options={vocab.charges.map((c) => ({ value: String(c.id), label: `${legalBasisText(t, { legalBasis: c.legalBasis, part: null })} — ${isLocale(locale) ? localName(c, locale) : c.name}` }))}
          value={article}
          onChange={(value) => {
            setArticle(value);
            // No article, nothing to be stated or inferred.
            if (!value) setBasisOrigin('');
          }}
        />
        <TextField name={`${name}.part`} label={t('fields.part')} hint={t('form.partHint')} />
        <fieldset className="checks" aria-describedby={origin.props['aria-describedby']} aria-invalid={origin.props['aria-invalid']}>
          <legend>{t('fields.basisOrigin')}</legend>
          {vocab.enums.basisOrigin.map((value) => (
            <label key={value}>
              <input type="radio" name={`${name}.basisOrigin`} value={value} checked={basisOrigin === value} onChange={() => setBasisOrigin(value)} />{' '}
              {t(`enums.basisOrigin.${value}`)}
            </label>
          ))}
          <span id={`${name}.basisOrigin-hint`} className="hint">
            {t('form.basisOriginHint')}
          </span>
          <FieldError id={`${name}.basisOrigin-error`} messages={origin.messages} />
        </fieldset>
        <TextField name={`${name}.chargeText`} label={t('fields.chargeText')} hint={t('form.chargeTextHint')} />
        <SelectField name={`${name}.outcome`} label={t('fields.outcome')} options={choices('chargeOutcome', vocab.enums.chargeOutcome)} fallback="unknown" />
      </div>
      <DateIntervalField name={`${name}.outcomeDate`} legend={t('form.outcomeDate', { n })} />
      <PenaltyRows prefix={name} values={values} vocab={vocab} chargeNumber={n} />
      <button type="button" className="secondary" onClick={onRemove}>
        {t('form.removeCharge', { n })}
      </button>
    </fieldset>
  );
}
