'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import {
  captureAgainAction,
  uploadCaptureAction,
  verifySourceEvidenceAction,
  type EvidenceFormState,
  type VerifyFormState,
} from './evidence-actions';
import { OUTCOMES } from './evidence-labels';

/** "Capture again": the server fetches the URL now and adds a capture. */
export function CaptureAgainForm({ sourceId }: { sourceId: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<EvidenceFormState, FormData>(captureAgainAction, {});
  return (
    <form action={action} className="actions">
      <input type="hidden" name="sourceId" value={sourceId} />
      <button type="submit" disabled={pending}>
        {pending ? t('evidence.captureAgain.pending') : t('evidence.captureAgain.button')}
      </button>
      <p role="status" aria-live="polite" className={state.error ? 'error' : 'hint'}>
        {state.error
          ? t(state.error)
          : state.done === 'captured'
            ? state.outcome === 'ok' || !state.outcome
              ? t('evidence.captureAgain.done')
              : t('evidence.captureAgain.notOk', { outcome: t(OUTCOMES[state.outcome as keyof typeof OUTCOMES]) })
            : null}
      </p>
    </form>
  );
}

/** Upload what a monitor saved themselves; the error, if any, names the file they chose. */
export function UploadCaptureForm({ sourceId }: { sourceId: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<EvidenceFormState, FormData>(uploadCaptureAction, {});
  const error = state.error ? t(state.error, { name: state.fileName ?? '' }) : null;
  return (
    <form action={action} className="stack narrow" aria-labelledby="upload-heading">
      <h3 id="upload-heading">{t('evidence.upload.title')}</h3>
      <input type="hidden" name="sourceId" value={sourceId} />
      <div className="field">
        <label htmlFor="capture-file">{t('evidence.upload.file')}</label>
        <input
          id="capture-file"
          name="file"
          type="file"
          accept=".pdf,.html,.htm,.png,.jpg,.jpeg,.txt,application/pdf,text/html,image/png,image/jpeg,text/plain"
          aria-describedby={error ? 'capture-file-error capture-file-hint' : 'capture-file-hint'}
          aria-invalid={error ? true : undefined}
          required
        />
        <p id="capture-file-hint" className="hint">
          {t('evidence.upload.hint')}
        </p>
        <p id="capture-file-error" className="error" role="alert">
          {error}
        </p>
      </div>
      <button type="submit" disabled={pending}>
        {t('evidence.upload.button')}
      </button>
      <p role="status" aria-live="polite" className="hint">
        {state.done === 'uploaded' ? t('evidence.upload.done', { name: state.fileName ?? '' }) : null}
      </p>
    </form>
  );
}

/** Admins: recompute every hash of this source's captures and check every timestamp token. */
export function VerifyEvidenceForm({ sourceId }: { sourceId: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<VerifyFormState, FormData>(verifySourceEvidenceAction, {});
  const report = state.report;
  return (
    <form action={action} className="stack">
      <input type="hidden" name="sourceId" value={sourceId} />
      <button type="submit" disabled={pending}>
        {t('evidence.verify.button')}
      </button>
      <div role="status" aria-live="polite">
        {state.error && <p className="error">{t(state.error)}</p>}
        {report && (
          <>
            <p className={report.ok ? 'banner' : 'banner warn'}>
              {report.ok ? t('evidence.verify.ok', { count: report.checked }) : t('evidence.verify.failed', { count: report.captures.filter((c) => !c.ok).length })}
            </p>
            <ul>
              {report.captures
                .filter((c) => !c.ok)
                .map((c) => (
                  <li key={c.captureId}>
                    {t('evidence.verify.problem', { id: c.captureId, problems: c.problems.join('; ') })}
                  </li>
                ))}
            </ul>
          </>
        )}
      </div>
    </form>
  );
}
