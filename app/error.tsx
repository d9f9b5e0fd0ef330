'use client';

import { useTranslations } from 'next-intl';

/** Never shows the error itself: messages can carry data that must not reach the screen or logs. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errorsPage');
  return (
    <section role="alert">
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorText')}</p>
      <button type="button" onClick={reset}>
        {t('retry')}
      </button>
    </section>
  );
}
