'use client';

import { useTranslations } from 'next-intl';
import { SelectField, TextField, useEnumChoices } from './field';

/** Notes (public and internal) and record keeping: who may see the record, whether it is verified, why it changed. */
export function NotesSection() {
  const t = useTranslations();
  return (
    <fieldset>
      <legend>{t('form.notes')}</legend>
      <TextField name="publicNotes" label={t('fields.publicNotes')} hint={t('form.publicNotesHint')} multiline />
      <TextField name="notes" label={t('fields.notes')} hint={t('form.notesHint')} multiline />
    </fieldset>
  );
}

export function RecordKeepingSection({ mode }: { mode: 'create' | 'edit' }) {
  const t = useTranslations();
  const choices = useEnumChoices();
  return (
    <fieldset>
      <legend>{t('form.recordKeeping')}</legend>
      <div className="grid">
        <SelectField name="confidentiality" label={t('fields.confidentiality')} options={choices('confidentiality', ['shareable', 'restricted'])} />
        <SelectField name="reviewStatus" label={t('fields.reviewStatus')} options={choices('reviewStatus', ['draft', 'verified'])} />
      </div>
      {mode === 'edit' && <TextField name="reason" label={t('fields.reason')} hint={t('form.reasonHint')} />}
    </fieldset>
  );
}
