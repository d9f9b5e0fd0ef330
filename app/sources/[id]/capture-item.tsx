import { getTranslations } from 'next-intl/server';
import type { TextComparison } from '@/lib/evidence/diff';
import type { SourceCaptureView } from '@/lib/evidence/queries';
import { showUtc } from '@/lib/evidence/format';
import { OUTCOMES, ROLES } from './evidence-labels';

/** One capture: when, how, by whom, from where, what came back, its files, hashes and timestamps. */
export async function CaptureItem({
  capture,
  sourceId,
  change,
  timestampsConfigured,
}: {
  capture: SourceCaptureView;
  sourceId: number;
  change: TextComparison | null;
  timestampsConfigured: boolean;
}) {
  const t = await getTranslations();
  const who = capture.requestedBy ?? t('evidence.system');
  return (
    <li id={`capture-${capture.id}`} className="capture">
      <h3>
        {t('evidence.captureHeading', { id: capture.id, at: showUtc(capture.capturedAt) })}
      </h3>
      <dl className="facts">
        <dt>{t('evidence.method')}</dt>
        <dd>{capture.method === 'upload' ? t('evidence.uploadedBy', { name: who }) : t('evidence.fetchedFor', { name: who })}</dd>
        {capture.uploadFilename && (
          <>
            <dt>{t('evidence.fileName')}</dt>
            <dd>{capture.uploadFilename}</dd>
          </>
        )}
        <dt>{t('evidence.requestedUrl')}</dt>
        <dd className="break">{capture.requestedUrl}</dd>
        {capture.method === 'fetch' && (
          <>
            <dt>{t('evidence.finalUrl')}</dt>
            <dd className="break">{capture.finalUrl ?? '—'}</dd>
            <dt>{t('evidence.httpStatus')}</dt>
            <dd>{capture.httpStatus ?? '—'}</dd>
          </>
        )}
        <dt>{t('evidence.outcomeLabel')}</dt>
        <dd>
          {t(OUTCOMES[capture.outcome])}
          {capture.detail && <span className="hint"> ({capture.detail})</span>}
        </dd>
        {capture.renderNote && (
          <>
            <dt>{t('evidence.rendering')}</dt>
            <dd>{capture.renderNote}</dd>
          </>
        )}
        <dt>{t('evidence.manifest')}</dt>
        <dd>
          <code className="break">{capture.manifestSha256}</code>
        </dd>
      </dl>
      {capture.files.length > 0 && (
        <table>
          <caption>{t('evidence.files')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evidence.file')}</th>
              <th scope="col">{t('evidence.size')}</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {capture.files.map((f) => (
              <tr key={f.role}>
                <td>
                  {/* A download (attachment, sandboxed): archived pages never run on the tracker's origin. */}
                  <a href={`/sources/${sourceId}/captures/${capture.id}/${f.role}`} download>
                    {t(ROLES[f.role])}
                  </a>{' '}
                  <span className="hint">{f.contentType}</span>
                </td>
                <td>{t('evidence.bytes', { count: f.size })}</td>
                <td>
                  <code className="break">{f.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('evidence.timestamps')}</h4>
      {capture.timestamps.length === 0 ? (
        <p className="hint">{timestampsConfigured ? t('evidence.notTimestamped') : t('evidence.notTimestampedNoTsa')}</p>
      ) : (
        <ul>
          {capture.timestamps.map((s) => (
            <li key={s.id}>
              {s.status === 'ok'
                ? t('evidence.timestampOk', { tsa: s.tsaName ?? s.tsaUrl, at: s.genTime ? showUtc(s.genTime) : '—', serial: s.serialNumber ?? '—' })
                : t('evidence.timestampFailed', { tsa: s.tsaUrl, detail: s.detail ?? '—' })}
              {s.status === 'ok' && s.detail && <span className="hint"> ({s.detail})</span>}
            </li>
          ))}
        </ul>
      )}
      {change && <TextChange change={change} />}
    </li>
  );
}

async function TextChange({ change }: { change: TextComparison }) {
  const t = await getTranslations();
  if (!change.changed) return <p className="hint">{t('evidence.textUnchanged')}</p>;
  return (
    <details open>
      <summary>{t('evidence.textChanged', { added: change.added, removed: change.removed })}</summary>
      <p className="diff">
        {change.parts.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>{p.text}</ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>{p.text}</del>
          ) : (
            <span key={i} className={p.kind === 'elided' ? 'hint' : undefined}>
              {p.text}
            </span>
          ),
        )}
      </p>
    </details>
  );
}
