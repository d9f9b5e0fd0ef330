import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AUDIT_TARGET_KINDS, type AuditFilters } from '@/lib/audit/filters';
import { AUDIT_ACTIONS } from '@/lib/audit/log';

type Props = { filters: AuditFilters; actors: { id: number; name: string; email: string }[] };

/** A plain GET form, so every filtered view is a URL an auditor can share or bookmark. */
export async function AuditFilterForm({ filters, actors }: Props) {
  const t = await getTranslations('audit');
  return (
    <form method="get" action="/admin/audit" className="filters" role="search" aria-label={t('filtersLabel')}>
      <div className="grid">
        <div className="field">
          <label htmlFor="audit-actor">{t('actor')}</label>
          <select id="audit-actor" name="actor" defaultValue={filters.actor ?? ''}>
            <option value="">{t('anyone')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('action')}</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ''}>
            <option value="">{t('anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('from')}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('to')}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-target-kind">{t('targetKind')}</label>
          <select id="audit-target-kind" name="targetKind" defaultValue={filters.targetKind ?? ''}>
            <option value="">{t('anyKind')}</option>
            {AUDIT_TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`targetKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-target-id">{t('targetId')}</label>
          <input id="audit-target-id" name="targetId" defaultValue={filters.targetId ?? ''} maxLength={64} />
        </div>
      </div>
      <div className="actions">
        <button type="submit">{t('apply')}</button>
        <Link href="/admin/audit">{t('clear')}</Link>
      </div>
    </form>
  );
}
