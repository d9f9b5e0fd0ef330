'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { addEntryAction, type EntryFormState } from './actions';

const CODES = ['administrative', 'criminal'] as const;

/** Add an entry: code, article, name; errors beside each field, what was typed kept. */
export function AddEntryForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<EntryFormState, FormData>(addEntryAction, {});
  const v = (name: string) => (state.added ? '' : String(state.values?.[name] ?? ''));
  const field = (name: 'code' | 'article' | 'name' | 'nameKk' | 'nameRu', control: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`entry-${name}`}>{name === 'nameKk' ? t('locale.nameKk') : name === 'nameRu' ? t('locale.nameRu') : t(`vocabulary.${name}`)}</label>
      {control}
      {hint && (
        <span id={`entry-${name}-hint`} className="hint">
          {hint}
        </span>
      )}
      <p id={`entry-${name}-error`} className="error" aria-live="polite">
        {state.errors?.[name]?.map((m) => t(m)).join(' ')}
      </p>
    </div>
  );
  const aria = (name: string, hint = false) => ({
    'aria-invalid': state.errors?.[name] ? true : undefined,
    'aria-describedby': `${hint ? `entry-${name}-hint ` : ''}entry-${name}-error`,
  });
  return (
    <form action={action} className="stack narrow" key={state.added ?? 'form'}>
      <h2>{t('vocabulary.add')}</h2>
      {state.added && (
        <p role="status" className="banner">
          {t('vocabulary.added', { legalBasis: state.added })}
        </p>
      )}
      {field(
        'code',
        <select id="entry-code" name="code" defaultValue={v('code')} {...aria('code')}>
          <option value="" />
          {CODES.map((c) => (
            <option key={c} value={c}>
              {t(`vocabulary.codes.${c}`)}
            </option>
          ))}
        </select>,
      )}
      {field('article', <input id="entry-article" name="article" inputMode="numeric" defaultValue={v('article')} {...aria('article', true)} />, t('vocabulary.articleHint'))}
      {field('name', <input id="entry-name" name="name" defaultValue={v('name')} {...aria('name', true)} />, t('vocabulary.nameHint'))}
      {field('nameKk', <input id="entry-nameKk" name="nameKk" lang="kk" defaultValue={v('nameKk')} {...aria('nameKk', true)} />, t('locale.translationHint'))}
      {field('nameRu', <input id="entry-nameRu" name="nameRu" lang="ru" defaultValue={v('nameRu')} {...aria('nameRu', true)} />, t('locale.translationHint'))}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {t('vocabulary.add')}
        </button>
      </div>
    </form>
  );
}
