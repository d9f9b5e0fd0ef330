import { getTranslations } from 'next-intl/server';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import type { LocaleChoice } from '@/lib/i18n/preference';
import { chooseLocaleAction } from './locale-actions';

/**
 * Language choice as a plain form posting to a server action, so it works before (or without)
 * JavaScript. Each language is named in itself; `current` is the saved choice, 'browser' when none.
 */
export async function LocaleSwitcher({ current, id, showHint = false }: { current: LocaleChoice; id: string; showHint?: boolean }) {
  const t = await getTranslations('locale');
  return (
    <form action={chooseLocaleAction} className="locale-switcher">
      <label htmlFor={id}>{t('label')}</label>
      <select id={id} name="locale" defaultValue={current} aria-describedby={showHint ? `${id}-hint` : undefined}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
        <option value="browser">{t('browser')}</option>
      </select>
      <button type="submit" className="link-button">
        {t('apply')}
      </button>
      {showHint && (
        <p id={`${id}-hint`} className="hint">
          {t('hint')}
        </p>
      )}
    </form>
  );
}
