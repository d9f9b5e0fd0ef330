'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';
import { deleteEntryAction, renameEntryAction } from './actions';

/** The entry's name, editable in place (code and article stay: records cite them). */
export function RenameEntryForm({ id, name, nameKk, nameRu, legalBasis }: { id: number; name: string; nameKk: string | null; nameRu: string | null; legalBasis: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(renameEntryAction, {});
  const error = [...(state.errors?.name ?? []), ...(state.errors?.nameKk ?? []), ...(state.errors?.nameRu ?? []), ...(state.formError ? [state.formError] : [])];
  const typed = (field: string, stored: string | null) => (state.values ? String(state.values[field] ?? '') : (stored ?? ''));
  return (
    <form action={action} className="actions">
      <input type="hidden" name="id" value={id} />
      <input
        id={`rename-${id}`}
        aria-label={t('vocabulary.renameLabel', { legalBasis })}
        name="name"
        defaultValue={state.values ? String(state.values.name ?? '') : name}
        aria-invalid={error.length ? true : undefined}
        aria-describedby={`rename-${id}-error`}
      />
      <input name="nameKk" lang="kk" aria-label={t('locale.nameKkOf', { legalBasis })} defaultValue={typed('nameKk', nameKk)} aria-describedby={`rename-${id}-error`} />
      <input name="nameRu" lang="ru" aria-label={t('locale.nameRuOf', { legalBasis })} defaultValue={typed('nameRu', nameRu)} aria-describedby={`rename-${id}-error`} />
      <button type="submit" disabled={pending}>
        {t('vocabulary.rename', { legalBasis })}
      </button>
      <p id={`rename-${id}-error`} className="error" aria-live="polite">
        {error.map((m) => t(m)).join(' ')}
      </p>
    </form>
  );
}

/** Offered only for unused entries; the server refuses a removal in use anyway. */
export function DeleteEntryForm({ id, legalBasis }: { id: number; legalBasis: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(deleteEntryAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      {state.formError && (
        <span role="alert" className="error">
          {t(state.formError)}
        </span>
      )}
      <button type="submit" disabled={pending}>
        {t('vocabulary.remove', { legalBasis })}
      </button>
    </form>
  );
}
