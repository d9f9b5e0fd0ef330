'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PenaltyKind } from '@/db/schema';
import { UNITS_OF_KIND } from '@/lib/cases/form-options';
import type { FormValues } from '@/lib/forms';
import { FieldError, RowValues, SelectField, TextField, useEnumChoices, useField } from './field';
import { useRows } from './rows';
import type { CaseFormVocabulary } from './types';

/** The penalties of one charge (`charges.N.penalties.M.…`): kind, amount and unit, the words as reported. */
export function PenaltyRows({ prefix, values, vocab, chargeNumber }: { prefix: string; values: FormValues; vocab: CaseFormVocabulary; chargeNumber: number }) {
  const t = useTranslations();
  const { rows, add, remove } = useRows(values, 'penalties', `${prefix}.penalties`);
  const listError = useField(`${prefix}.penalties`).messages;
  return (
    <div className="penalties">
      <FieldError id={`${prefix}.penalties-error`} messages={listError} />
      {rows.map((row, i) => (
        <RowValues key={row.key} prefix={`${prefix}.penalties.${i}`} values={row.values}>
          <PenaltyRow name={`${prefix}.penalties.${i}`} n={i + 1} count={rows.length} chargeNumber={chargeNumber} vocab={vocab} onRemove={() => remove(row.key)} />
        </RowValues>
      ))}
      <button type="button" className="secondary" onClick={add}>
        {t('form.addPenalty', { charge: chargeNumber })}
      </button>
    </div>
  );
}

function PenaltyRow({
  name,
  n,
  count,
  chargeNumber,
  vocab,
  onRemove,
}: {
  name: string;
  n: number;
  count: number;
  chargeNumber: number;
  vocab: CaseFormVocabulary;
  onRemove: () => void;
}) {
  const t = useTranslations();
  const choices = useEnumChoices();
  const stored = useField(`${name}.kind`).value;
  const [kind, setKind] = useState(stored);
  // Units that fit the kind (a fine: a currency or MCI; arrest: days); any unit until a kind is chosen.
  const fitting = kind && kind in UNITS_OF_KIND ? UNITS_OF_KIND[kind as PenaltyKind] : vocab.enums.penaltyUnit;
  const others = Array.from({ length: count }, (_, i) => i + 1).filter((m) => m !== n);
  return (
    <fieldset className="penalty-row">
      <legend>{t('form.penaltyN', { n, charge: chargeNumber })}</legend>
      <div className="grid">
        <SelectField name={`${name}.kind`} label={t('fields.penaltyKind')} blank={t('form.choose')} options={choices('penaltyKind', vocab.enums.penaltyKind)} value={kind} onChange={setKind} />
        <TextField name={`${name}.amount`} label={t('fields.amount')} inputMode="decimal" />
        <SelectField
          name={`${name}.unit`}
          label={t('fields.unit')}
          blank={t('form.none')}
          hint={kind === 'warning' ? t('form.warningNoAmount') : undefined}
          options={choices('penaltyUnit', fitting)}
        />
        <TextField name={`${name}.asReported`} label={t('fields.asReported')} hint={t('form.penaltyAsReportedHint')} />
        <SelectField
          name={`${name}.replacedBy`}
          label={t('fields.replacedBy')}
          blank={t('form.notReplaced')}
          options={others.map((m) => ({ value: String(m), label: t('form.penaltyN', { n: m, charge: chargeNumber }) }))}
        />
      </div>
      <button type="button" className="secondary" onClick={onRemove}>
        {t('form.removePenalty', { n, charge: chargeNumber })}
      </button>
    </fieldset>
  );
}
