import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { ImportForm } from './import-form';

type Props = { searchParams: Promise<{ imported?: string; skipped?: string; batch?: string }> };

export default async function ImportPage({ searchParams }: Props) {
  await requirePermission('import');
  const [t, params] = await Promise.all([getTranslations(), searchParams]);
  const imported = /^\d{1,5}$/.test(params.imported ?? '') ? Number(params.imported) : null;
  const skipped = /^\d{1,5}$/.test(params.skipped ?? '') ? Number(params.skipped) : 0;
  return (
    <>
      <h1>{t('imports.title')}</h1>
      {imported !== null && (
        <div role="status" className="banner">
          {t('imports.imported', { count: imported, skipped })} <Link href="/cases">{t('imports.viewCases')}</Link>
        </div>
      )}
      <p>{t('imports.intro')}</p>
      <p>
        <a href="/cases/import/template" download>
          {t('imports.template')}
        </a>
      </p>
      <details>
        <summary>{t('imports.columnsTitle')}</summary>
        <p className="hint">{t('imports.columnsHint')}</p>
      </details>
      {/* A fresh form after an import: the confirmed preview is done with. */}
      <ImportForm key={params.batch ?? 'new'} />
    </>
  );
}
