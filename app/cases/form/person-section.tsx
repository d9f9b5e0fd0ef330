'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LookupCombobox } from '@/app/components/lookup-combobox';
import { DuplicatePanel, type DuplicateCandidate } from './duplicate-panel';
import { FieldError, SelectField, TextField, useEnumChoices, useField } from './field';
import type { CaseFormVocabulary } from './types';
import { useLookup } from './use-lookup';

type PersonSuggestion = { id: number; displayName: string; role: string; affiliation: string | null; detentionCount: number };

/**
 * Who: pick a person already on record (search by any spelling) or describe a new one. A new
 * person's name is checked against those on record (the duplicate warning), never blocking.
 */
export function PersonSection({ vocab }: { vocab: CaseFormVocabulary }) {
  const t = useTranslations();
  const choices = useEnumChoices();
  const nameField = useField('personName', true);
  const idField = useField('personId');
  const differentField = useField('differentFrom');
  const fromWarningField = useField('personFromWarning');
  const [personId, setPersonId] = useState(idField.value);
  const [personName, setPersonName] = useState(nameField.value);
  const [fromWarning, setFromWarning] = useState(fromWarningField.value === '1' && idField.value !== '');
  const [differentFrom, setDifferentFrom] = useState<number[]>(() => differentField.value.split(',').filter(Boolean).map(Number));
  const [query, setQuery] = useState('');
  const lookup = useLookup<PersonSuggestion>('/api/lookup/people', 'people', query, 2, !personId);
  const likely = useLookup<DuplicateCandidate>('/api/lookup/people/likely', 'people', personName, 3, !personId);
  // Only answers about people still proposed for the name as it now stands are posted.
  const answered = differentFrom.filter((id) => likely.suggestions.some((c) => c.id === id));

  const pick = (id: number, name: string, viaWarning: boolean) => {
    setPersonId(String(id));
    setPersonName(name);
    setFromWarning(viaWarning);
    lookup.clear();
  };
  return (
    <fieldset>
      <legend>{t('form.person')}</legend>
      <div className="grid">
        <LookupCombobox<PersonSuggestion>
          id="personName"
          name="personName"
          label={t('fields.activist')}
          required
          value={personName}
          onType={(text) => {
            setPersonName(text);
            setQuery(text);
            setPersonId('');
            setFromWarning(false);
          }}
          items={lookup.suggestions}
          itemKey={(p) => p.id}
          itemText={(p) => t('form.usePerson', { name: p.displayName, role: t(`enums.personRole.${p.role}`), count: p.detentionCount })}
          onPick={(p) => pick(p.id, p.displayName, false)}
          listLabel={t('form.personSuggestions')}
          inputProps={{ 'aria-invalid': nameField.props['aria-invalid'], 'aria-describedby': nameField.props['aria-describedby'] }}
        >
          <input type="hidden" name="personId" value={personId} />
          <input type="hidden" name="personFromWarning" value={personId && fromWarning ? '1' : ''} />
          <input type="hidden" name="differentFrom" value={personId ? '' : answered.join(',')} />
          <span id="personName-hint" className="hint">
            {personId ? t('form.personExisting') : t('form.personNew')}
          </span>
          {personId && fromWarning && <p role="status">{t('matching.usedExisting', { name: personName })}</p>}
          <FieldError id="personName-error" messages={nameField.messages ?? idField.messages ?? differentField.messages} />
        </LookupCombobox>
        {!personId && (
          <>
            <TextField name="personNameCyrillic" label={t('fields.personNameCyrillic')} hint={t('form.cyrillicHint')} />
            <SelectField name="personRole" label={t('fields.personRole')} options={choices('personRole', vocab.enums.personRole)} />
            <TextField name="personAffiliation" label={t('fields.affiliation')} />
          </>
        )}
      </div>
      {!personId && (
        <DuplicatePanel
          name={personName}
          candidates={likely.suggestions}
          differentFrom={answered}
          onSame={(c) => pick(c.id, c.displayName, true)}
          onDifferent={(id) => setDifferentFrom((ids) => [...new Set([...ids, id])])}
          onUndo={(id) => setDifferentFrom((ids) => ids.filter((x) => x !== id))}
        />
      )}
    </fieldset>
  );
}
