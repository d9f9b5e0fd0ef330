import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AUDIT_ACTIONS } from '@/lib/audit/log';
import type { AuditRow } from '@/lib/audit/queries';

const utc = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/** `filters: city=3, from=2021-01-01; rows=12`: one line an auditor can scan; the CSV has the full JSON. */
export function summariseDetails(details: Record<string, unknown>, max = 200): string {
  const show = (v: unknown): string =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v).map(([k, x]) => `${k}=${show(x)}`).join(', ') || '—'
      : Array.isArray(v) ? v.map(show).join('|') : String(v);
  const text = Object.entries(details).map(([k, v]) => `${k}: ${show(v)}`).join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const RECORD_PAGES: Record<string, string> = { detention: '/cases/', person: '/people/', source: '/sources/' };

export async function AuditTable({ events }: { events: AuditRow[] }) {
  const t = await getTranslations('audit');
  const known = new Set<string>(AUDIT_ACTIONS);
  return (
    <table>
      <caption className="hint">{t('caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('when')}</th>
          <th scope="col">{t('who')}</th>
          <th scope="col">{t('action')}</th>
          <th scope="col">{t('target')}</th>
          <th scope="col">{t('address')}</th>
          <th scope="col">{t('details')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => {
          const page = e.targetKind ? RECORD_PAGES[e.targetKind] : undefined;
          const kind = e.targetKind ? t.has(`targetKinds.${e.targetKind}`) ? t(`targetKinds.${e.targetKind}`) : e.targetKind : null;
          return (
            <tr key={e.id}>
              <td>{utc(e.at)}</td>
              <td>
                {e.actorId === null ? t('system') : (e.actorName ?? t('unknown'))}
                {e.actorEmail && <div className="hint">{e.actorEmail}</div>}
              </td>
              <td>{known.has(e.action) ? t(`actions.${e.action as (typeof AUDIT_ACTIONS)[number]}`) : e.action}</td>
              <td>
                {kind && e.targetId && page ? <Link href={`${page}${e.targetId}`}>{`${kind} ${e.targetId}`}</Link> : [kind, e.targetId].filter(Boolean).join(' ') || '—'}
              </td>
              <td>{e.ip ?? '—'}</td>
              <td className="hint">{summariseDetails(e.details) || '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
