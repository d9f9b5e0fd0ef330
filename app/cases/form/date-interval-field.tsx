'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { DATE_QUALIFIERS } from '@/lib/dates/interval';
import { SelectField, TextField, useField } from './field';

/**
 * A date as the source words it (`name.on`, `name.qualifier`, `name.to`, `name.asReported`): a
 * partial date, how sure the source is, a second date for "between", and the source's own words.
 * "Exact" is the blank choice: the server reads it as exact when a date is given, else unknown.
 */
export function DateIntervalField({ name, legend, allowFuture = false }: { name: string; legend: string; allowFuture?: boolean }) {
  const t = useTranslations();
  const start = useField(`${name}.qualifier`).value;
  const [qualifier, setQualifier] = useState(start === 'exact' ? '' : start);
  const options = DATE_QUALIFIERS.filter((q) => q !== 'exact').map((q) => ({ value: q, label: t(`enums.dateQualifier.${q}`) }));
  const to = <TextField name={`${name}.to`} label={t('form.dateTo')} hint={t('form.dateToHint')} inputMode="numeric" placeholder={t('form.datePlaceholder')} />;
  return (
    <fieldset className="date-interval">
      <legend>{legend}</legend>
      <div className="grid">
        <TextField
          name={`${name}.on`}
          label={t('form.dateOn')}
          hint={allowFuture ? t('form.dateHintFuture') : t('form.dateHint')}
          inputMode="numeric"
          placeholder={t('form.datePlaceholder')}
        />
        <SelectField
          name={`${name}.qualifier`}
          label={t('form.dateQualifier')}
          blank={t('enums.dateQualifier.exact')}
          options={options}
          value={qualifier}
          onChange={setQualifier}
        />
        {/* Without JavaScript the qualifier can't reveal the second date, so it is always offered then. */}
        {qualifier === 'between' ? to : <noscript>{to}</noscript>}
        <TextField name={`${name}.asReported`} label={t('form.dateAsReported')} hint={t('form.dateAsReportedHint')} />
      </div>
    </fieldset>
  );
}
