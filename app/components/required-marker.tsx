'use client';

import { useTranslations } from 'next-intl';

/**
 * "(required)" beside a label, outside the <label> so the field's accessible name stays as it was
 * (screen readers hear "required" from the input's aria-required instead).
 */
export function RequiredMarker() {
  const t = useTranslations('lists');
  return (
    <span className="marker" aria-hidden="true">
      {' '}
      {t('required')}
    </span>
  );
}
