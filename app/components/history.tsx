import { getTranslations } from 'next-intl/server';
import type { RevisionEntry } from '@/lib/history/revisions';
import { HIDDEN_VALUE } from '@/lib/history/revisions';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The revision history of a record: who changed what, when and why. */
export async function History({ entries }: { entries: RevisionEntry[] }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.id}>
            <strong>{t(`history.action.${entry.action}`)}</strong>{' '}
            {t('history.by', {
              user: entry.userName ?? t('history.system'),
              at: entry.at.toISOString().slice(0, 16).replace('T', ' '),
              version: entry.version,
            })}
            {entry.reason && <div className="hint">{t('history.reason', { reason: entry.reason })}</div>}
            {entry.action === 'update' && Object.keys(entry.changes).length > 0 && (
              <ul>
                {Object.entries(entry.changes).map(([field, change]) => (
                  <li key={field}>
                    <code>{field}</code>:{' '}
                    {change === HIDDEN_VALUE
                      ? t('history.hidden')
                      : Array.isArray(change)
                        ? t('history.change', { before: show(change[0]), after: show(change[1]) })
                        : show(change)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
