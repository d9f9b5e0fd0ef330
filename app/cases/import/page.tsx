import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { getImportPreview } from '@/lib/imports/queries';
import { UPLOAD_ERRORS, type UploadError } from '@/lib/imports/upload';
import { ImportForm } from './import-form';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.importCases');

type Props = {
  searchParams: Promise<{ imported?: string; skipped?: string; done?: string; batch?: string; error?: string; columns?: string }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export default async function ImportPage({ searchParams }: Props) {
  const user = await requirePermission('import');
  const [t, params] = await Promise.all([getTranslations(), searchParams]);
  const imported = /^\d{1,5}$/.test(params.imported ?? '') ? Number(params.imported) : null;
  const skipped = /^\d{1,5}$/.test(params.skipped ?? '') ? Number(params.skipped) : 0;
  // The upload route redirects here with the pending import to preview, or with what was wrong.
  const preview = params.batch && UUID.test(params.batch) ? await getImportPreview(user, params.batch) : null;
  let error = UPLOAD_ERRORS.find((e) => e === params.error) as UploadError | undefined;
  if (params.batch && !preview) error = 'expired';
  const columns = /^[a-z0-9_,]{1,500}$/.test(params.columns ?? '') ? params.columns!.split(',').join(', ') : '';
  return (
    <>
      <h1>{t('imports.title')}</h1>
      {imported !== null && (
        <div role="status" className="banner">
          {t('imports.imported', { count: imported, skipped })} <Link href="/cases">{t('imports.viewCases')}</Link>
        </div>
      )}
      <p>{t('imports.intro')}</p>
      <p>{t('imports.formatChanged')}</p>
      <p>
        <a href="/cases/import/template" download>
          {t('imports.template')}
        </a>
      </p>
      <details>
        <summary>{t('imports.columnsTitle')}</summary>
        <p className="hint">{t('imports.columnsHint')}</p>
      </details>
      {/* A fresh form for each file and after an import: a confirmed preview is done with. */}
      <ImportForm key={params.batch ?? params.done ?? 'new'} preview={preview} error={error ? t(`imports.errors.${error}`, { columns }) : null} />
    </>
  );
}
