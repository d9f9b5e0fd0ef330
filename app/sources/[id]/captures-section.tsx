import { getTranslations } from 'next-intl/server';
import { can, type Actor } from '@/lib/auth/policy';
import { changesBetweenCaptures } from '@/lib/evidence/diff';
import { listSourceCaptures } from '@/lib/evidence/queries';
import { timestampsConfigured } from '@/lib/evidence/timestamps';
import { CaptureItem } from './capture-item';
import { CaptureAgainForm, UploadCaptureForm, VerifyEvidenceForm } from './evidence-forms';

/**
 * The source page's "Captures": every capture, newest first, what it proves and what changed. The
 * controls are shown to those the server would let use them ('write' to capture or upload,
 * 'verifyEvidence' to re-check); the actions check again.
 */
export async function CapturesSection({ user, sourceId, live }: { user: Actor; sourceId: number; live: boolean }) {
  const t = await getTranslations();
  const captures = (await listSourceCaptures(user, sourceId)) ?? [];
  const changes = changesBetweenCaptures(captures);
  const stamped = timestampsConfigured();
  return (
    <section aria-labelledby="captures-heading">
      <h2 id="captures-heading">{t('evidence.title')}</h2>
      <p className="hint">{t('evidence.explain')}</p>
      {live && can(user.role, 'write') && <CaptureAgainForm sourceId={sourceId} />}
      {captures.length === 0 ? (
        <p>{t('evidence.none')}</p>
      ) : (
        <ol className="captures" reversed>
          {captures.map((capture, i) => (
            <CaptureItem key={capture.id} capture={capture} sourceId={sourceId} change={changes[i]} timestampsConfigured={stamped} />
          ))}
        </ol>
      )}
      {live && can(user.role, 'write') && <UploadCaptureForm sourceId={sourceId} />}
      {can(user.role, 'verifyEvidence') && captures.length > 0 && (
        <section aria-labelledby="verify-heading">
          <h3 id="verify-heading">{t('evidence.verify.title')}</h3>
          <VerifyEvidenceForm sourceId={sourceId} />
        </section>
      )}
    </section>
  );
}
