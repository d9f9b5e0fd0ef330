'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createFeedAction, revokeFeedAction, type FeedFormState } from './actions';

/**
 * The user's secret feed address: created or replaced here and shown once, from the action's
 * answer (only its hash is kept); revoked here too.
 */
export function FeedSection({ active }: { active: { createdAt: string; lastUsed: string | null } | null }) {
  const t = useTranslations();
  const [created, create, creating] = useActionState<FeedFormState, FormData>(createFeedAction, {});
  const [revoked, revoke, revoking] = useActionState<FeedFormState, FormData>(revokeFeedAction, {});
  return (
    <section aria-labelledby="feed-title" className="stack">
      <h2 id="feed-title">{t('calendar.feed.title')}</h2>
      <p>{t('calendar.feed.intro')}</p>
      <p>{active ? t('calendar.feed.active', { createdAt: active.createdAt, lastUsed: active.lastUsed ?? t('calendar.feed.never') }) : t('calendar.feed.inactive')}</p>
      {created.url && active && (
        <div role="status" className="banner">
          <p>{t('calendar.feed.created')}</p>
          <label htmlFor="feed-url">{t('calendar.feed.urlLabel')}</label>
          <input id="feed-url" readOnly value={created.url} className="token" onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      {revoked.revoked && !active && (
        <p role="status" className="banner">
          {t('calendar.feed.revoked')}
        </p>
      )}
      <div className="actions">
        <form action={create}>
          <button type="submit" disabled={creating}>
            {t(active ? 'calendar.feed.replace' : 'calendar.feed.create')}
          </button>
        </form>
        {active && (
          <form action={revoke}>
            {revoked.formError && (
              <span role="alert" className="error">
                {t(revoked.formError)}
              </span>
            )}
            <button type="submit" disabled={revoking}>
              {t('calendar.feed.revoke')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
