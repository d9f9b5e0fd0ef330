'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldError, SelectField, TextField, useEnumChoices, useField } from './field';
import type { CaseFormVocabulary } from './types';
import { useLookup } from './use-lookup';

type PersonSuggestion = { id: number; displayName: string; role: string; affiliation: string | null; detentionCount: number };

/** Who: pick a person already on record (search by any spelling) or describe a new one. */
export function PersonSection({ vocab }: { vocab: CaseFormVocabulary }) {
  const t = useTranslations();
  const choices = useEnumChoices();
  const nameField = useField('personName', true);
  const idField = useField('personId');
  const [personId, setPersonId] = useState(idField.value);
  const [personName, setPersonName] = useState(nameField.value);
  const [query, setQuery] = useState('');
  const lookup = useLookup<PersonSuggestion>('/api/lookup/people', 'people', query, 2, !personId);
  return (
    <fieldset>
      <legend>{t('form.person')}</legend>
      <div className="grid">
        <div className="field">
          <label htmlFor="personName">{t('fields.activist')}</label>
          <input
            {...nameField.props}
            value={personName}
            autoComplete="off"
            onChange={(e) => {
              setPersonName(e.target.value);
              setQuery(e.target.value);
              setPersonId('');
            }}
          />
          <input type="hidden" name="personId" value={personId} />
          <span id="personName-hint" className="hint">
            {personId ? t('form.personExisting') : t('form.personNew')}
          </span>
          <FieldError id="personName-error" messages={nameField.messages ?? idField.messages} />
          {lookup.suggestions.length > 0 && (
            <ul className="suggestions" aria-label={t('form.personSuggestions')}>
              {lookup.suggestions.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setPersonId(String(p.id));
                      setPersonName(p.displayName);
                      lookup.clear();
                    }}
                  >
                    {t('form.usePerson', { name: p.displayName, role: t(`enums.personRole.${p.role}`), count: p.detentionCount })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {!personId && (
          <>
            <TextField name="personNameCyrillic" label={t('fields.personNameCyrillic')} hint={t('form.cyrillicHint')} />
            <SelectField name="personRole" label={t('fields.personRole')} options={choices('personRole', vocab.enums.personRole)} />
            <TextField name="personAffiliation" label={t('fields.affiliation')} />
          </>
        )}
      </div>
    </fieldset>
  );
}
