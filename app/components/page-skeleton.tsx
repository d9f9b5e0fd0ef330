import { getTranslations } from 'next-intl/server';

/**
 * What a page shows while its data loads (a route's loading.tsx): grey bars where the heading and
 * content will be, and "Loading…" for screen readers. `blocks` sets how much content is expected.
 */
export async function PageSkeleton({ blocks = 3 }: { blocks?: number }) {
  const t = await getTranslations('lists');
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">
        {t('loading')}
      </p>
      <span className="skeleton heading" aria-hidden="true" />
      {Array.from({ length: blocks }, (_, i) => (
        <span key={i} className="skeleton block" aria-hidden="true" />
      ))}
    </div>
  );
}
