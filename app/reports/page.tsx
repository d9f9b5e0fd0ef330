import { getTranslations } from 'next-intl/server';
import { detentionStatus, personRole, plea, reviewStatus, sentenceKind } from '@/db/schema';
import { seesRestricted } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guard';
import { parseCaseFilters } from '@/lib/cases/filters';
import { listVocabulary } from '@/lib/vocab/queries';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The observers' report: the /cases filters, then a PDF built on the server. */
export default async function ReportsPage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const filters = parseCaseFilters(await searchParams);
  const [t, vocab] = await Promise.all([getTranslations(), listVocabulary()]);

  const select = (name: string, label: string, options: { value: string | number; label: string }[], value: unknown) => (
    <div className="field">
      <label htmlFor={`report-${name}`}>{label}</label>
      <select id={`report-${name}`} name={name} defaultValue={value === undefined ? '' : String(value)}>
        <option value="">{t('filters.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const enumOptions = (name: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`enums.${name}.${v}`) }));
  const input = (name: 'q' | 'from' | 'to', type: string) => (
    <div className="field">
      <label htmlFor={`report-${name}`}>{t(`filters.${name}`)}</label>
      <input id={`report-${name}`} name={name} type={type} defaultValue={filters[name] ?? ''} />
    </div>
  );

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>
      <form method="get" action="/reports/pdf" className="filters" aria-label={t('filters.label')}>
        <div className="grid">
          {input('q', 'search')}
          {select('city', t('filters.city'), vocab.places.map((p) => ({ value: p.id, label: p.name })), filters.city)}
          {select('region', t('filters.region'), vocab.regions.map((r) => ({ value: r, label: r })), filters.region)}
          {input('from', 'date')}
          {input('to', 'date')}
          {select('charge', t('filters.charge'), vocab.charges.map((c) => ({ value: c.id, label: `${c.legalBasis}: ${c.name}` })), filters.charge)}
          {select('sentence', t('filters.sentence'), enumOptions('sentenceKind', sentenceKind.enumValues), filters.sentence)}
          {select('plea', t('filters.plea'), enumOptions('plea', plea.enumValues), filters.plea)}
          {select('election', t('filters.election'), vocab.elections.map((e) => ({ value: e.id, label: e.name })), filters.election)}
          {select('status', t('filters.status'), enumOptions('status', detentionStatus.enumValues), filters.status)}
          {select('review', t('filters.review'), enumOptions('reviewStatus', reviewStatus.enumValues), filters.review)}
          {select('role', t('filters.role'), enumOptions('personRole', personRole.enumValues), filters.role)}
          {seesRestricted(user) &&
            select('confidentiality', t('filters.confidentiality'), enumOptions('confidentiality', ['shareable', 'restricted']), filters.confidentiality)}
        </div>
        <div className="actions">
          <button type="submit">{t('reports.download')}</button>
        </div>
      </form>
    </>
  );
}
