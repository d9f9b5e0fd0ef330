import Link from 'next/link';
import { after } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { auditedAuditFilters, auditFiltersToQuery, parseAuditFilters } from '@/lib/audit/filters';
import { MIN_RETENTION_DAYS, recordAudit } from '@/lib/audit/log';
import { listAuditActors, listAuditEvents } from '@/lib/audit/queries';
import { purgeAuditIfDue } from '@/lib/audit/retention';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/request/client';
import { AuditFilterForm } from './audit-filters';
import { AuditTable } from './audit-table';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.audit');

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit trail, admins only. Reading it is itself recorded, before the events are read, so the view appears in its own list. */
export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePermission('audit');
  const { filters, invalid } = parseAuditFilters(await searchParams);
  await recordAudit({ action: 'audit_viewed', actorId: user.id, targetKind: 'audit', ip: await clientIp(), details: { filters: auditedAuditFilters(filters) } });
  // The boot-time timer purges too (instrumentation.ts); this covers a server that never stays up a day.
  after(() => purgeAuditIfDue().catch(() => console.error('Audit purge failed')));

  const [t, page, actors] = await Promise.all([getTranslations('audit'), listAuditEvents(user, filters), listAuditActors(user)]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="hint">{t('hint', { days: Math.max(MIN_RETENTION_DAYS, env.AUDIT_RETENTION_DAYS) })}</p>
      <AuditFilterForm filters={filters} actors={actors} />
      {invalid.length > 0 && (
        <p role="alert" className="banner warn">
          {t('invalid', { fields: invalid.map((k) => t(k === 'before' ? 'older' : k)).join(', ') })}
        </p>
      )}
      <p>
        <a href={`/admin/audit/export${auditFiltersToQuery(filters, { before: undefined })}`}>{t('download')}</a>{' '}
        <span className="hint">{t('downloadHint')}</span>
      </p>
      {page.events.length === 0 ? <p>{t('empty')}</p> : <AuditTable events={page.events} />}
      <nav className="pager" aria-label={t('pagination')}>
        {filters.before !== undefined && <Link href={`/admin/audit${auditFiltersToQuery(filters, { before: undefined })}`}>{t('newest')}</Link>}
        {page.nextBefore !== null && <Link href={`/admin/audit${auditFiltersToQuery(filters, { before: page.nextBefore })}`}>{t('older')}</Link>}
      </nav>
    </>
  );
}
