'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import type { FormState, FormValues } from '@/lib/forms';
import { ErrorSummary } from '@/app/components/error-summary';
import { DetentionSection } from './detention-section';
import { EventRows } from './event-rows';
import { FormScopeProvider } from './field';
import { PersonSection } from './person-section';
import { ProceedingsSection } from './proceedings-section';
import { NotesSection, RecordKeepingSection } from './record-keeping-section';
import { SourceRows, sourceRowsFrom } from './source-rows';
import type { CaseFormVocabulary } from './types';

/**
 * The detention form: who, where, when, the charges with their outcomes and penalties, the custody
 * timeline, notes, record keeping and sources. Field names are the dotted paths lib/cases/schema.ts
 * reads. It posts to the server action without JavaScript too (one empty row of each kind).
 */
export function CaseForm({
  action,
  vocab,
  initial,
  mode,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  vocab: CaseFormVocabulary;
  initial: FormValues;
  mode: 'create' | 'edit';
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  // After a refusal without JavaScript the page is drawn again from what was posted.
  const values = state.values ?? initial;
  const [sources, setSources] = useState(() => sourceRowsFrom(values));
  const { submittingRef, markDirty } = useUnsavedWarning(state);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Submitting through the action state (not the form's own action) keeps every typed value
    // and added row in place when the server answers with errors: React would reset the form.
    event.preventDefault();
    submittingRef.current = true;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <FormScopeProvider errors={errors} values={values}>
      <form action={formAction} onSubmit={onSubmit} onChange={markDirty} className="stack" noValidate>
        {mode === 'edit' && (
          <>
            <input type="hidden" name="id" value={String(values.id ?? '')} />
            <input type="hidden" name="version" value={String(values.version ?? '')} />
          </>
        )}
        {state.formError && (
          <div role="alert" className="banner error">
            {t(state.formError)}
          </div>
        )}
        <ErrorSummary errors={errors} intro={t('form.hasErrors')} />

        <PersonSection vocab={vocab} />

        <DetentionSection vocab={vocab} />
        <ProceedingsSection values={values} vocab={vocab} />

        <fieldset>
          <legend>{t('form.custody')}</legend>
          <EventRows values={values} vocab={vocab} sources={sources} />
        </fieldset>

        <NotesSection />
        <SourceRows rows={sources} setRows={setSources} />
        <RecordKeepingSection mode={mode} />

        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? t('form.saving') : t('form.save')}
          </button>
        </div>
      </form>
    </FormScopeProvider>
  );
}

/** Leaving the page with unsaved input asks first: monitors must not lose work. */
function useUnsavedWarning(state: FormState) {
  const [dirty, setDirty] = useState(false);
  const submitting = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!submitting.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => {
    if (state.errors || state.formError) submitting.current = false;
  }, [state]);
  return { submittingRef: submitting, markDirty: () => setDirty(true) };
}
