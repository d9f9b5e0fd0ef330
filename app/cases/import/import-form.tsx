'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { commitImportAction, type ImportCommitState } from './actions';
import type { ImportPreview, PreviewRow } from '@/lib/imports/queries';
import { COMMIT_FORM_ID, PersonChoiceCell } from './person-choice';

function RowsTable({ rows }: { rows: PreviewRow[] }) {
  const t = useTranslations('imports');
  const tr = useTranslations();
  const choosing = rows.some((r) => r.candidates?.length);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('row')}</th>
          <th scope="col">{t('activist')}</th>
          <th scope="col">{t('place')}</th>
          <th scope="col">{t('detained')}</th>
          <th scope="col">{t('person')}</th>
          {choosing && <th scope="col">{tr('matching.import.column')}</th>}
          <th scope="col">{t('problems')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row} className={r.errors.length ? 'invalid' : undefined}>
            <th scope="row">{t('rowN', { row: r.row })}</th>
            <td>{r.activist}</td>
            <td>{r.place}</td>
            <td>{r.detained}</td>
            <td>{r.person === 'existing' ? t('personExisting') : t('personNew')}</td>
            {choosing && (
              <td>
                <PersonChoiceCell row={r} />
              </td>
            )}
            <td>
              {r.errors.length === 0 ? (
                t('ok')
              ) : (
                <ul className="error">
                  {r.errors.map((e) => (
                    <li key={e.column}>{t('problem', { column: e.column, message: tr(e.message, e.params) })}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Upload, preview every row with its problems, then confirm: nothing is written before that. The
 * file form is a plain POST to the upload route (works without JavaScript); the route redirects
 * back here with the preview (`preview`) or a file-level error (`error`, already translated).
 */
export function ImportForm({ preview, error }: { preview: ImportPreview | null; error: string | null }) {
  const t = useTranslations('imports');
  const tr = useTranslations();
  const [checking, setChecking] = useState(false);
  const [commitState, commitAction, importing] = useActionState<ImportCommitState, FormData>(commitImportAction, {});
  return (
    <>
      <form action="/cases/import/upload" method="post" encType="multipart/form-data" className="stack narrow" onSubmit={() => setChecking(true)}>
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={error ? 'import-file-error import-file-hint' : 'import-file-hint'}
            aria-invalid={error ? true : undefined}
            required
          />
          <span id="import-file-hint" className="hint">
            {t('fileHintLimits')}
          </span>
          {error && (
            <p id="import-file-error" role="alert" className="error">
              {error}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={checking}>
            {checking ? t('checking') : t('check')}
          </button>
        </div>
      </form>

      {preview && (
        <section aria-labelledby="import-preview-title">
          <h2 id="import-preview-title">{t('previewTitle', { file: preview.fileName })}</h2>
          <p aria-live="polite">
            {t('summary', { rows: preview.rows.length, valid: preview.validCount, errors: preview.errorCount })}
          </p>
          {preview.ignoredColumns.length > 0 && <p className="hint">{t('ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}</p>}
          {preview.rows.some((r) => r.candidates?.length) && <p className="hint">{tr('matching.import.hint')}</p>}
          {commitState.error && (
            <div role="alert" className="banner error">
              {tr(commitState.error)}
            </div>
          )}
          {commitState.rows && <RowsTable rows={commitState.rows} />}
          {preview.validCount > 0 && (
            <form id={COMMIT_FORM_ID} action={commitAction} className="actions">
              <input type="hidden" name="batchId" value={preview.batchId} />
              {preview.errorCount > 0 ? (
                <>
                  <p className="hint">{t('fixHint')}</p>
                  <input type="hidden" name="skipInvalid" value="1" />
                  <button type="submit" disabled={importing}>
                    {importing ? t('importing') : t('importValid', { count: preview.validCount, skipped: preview.errorCount })}
                  </button>
                </>
              ) : (
                <button type="submit" disabled={importing}>
                  {importing ? t('importing') : t('importAll', { count: preview.validCount })}
                </button>
              )}
            </form>
          )}
          <RowsTable rows={preview.rows} />
        </section>
      )}
    </>
  );
}
