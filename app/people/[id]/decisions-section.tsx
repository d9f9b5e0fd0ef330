import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PersonDecision } from '@/lib/people/decisions';
import { ActionForm } from '@/app/components/action-form';
import { withdrawDecisionAction } from '../actions';

const when = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');

/** The decisions about this person: in force (with Withdraw / Undo merge) and withdrawn, as history. */
export async function DecisionsSection({ personId, decisions, canDecide }: { personId: number; decisions: PersonDecision[]; canDecide: boolean }) {
  const t = await getTranslations('merge');
  if (decisions.length === 0) return null;
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('decisions.title')}</h2>
      <ul className="history">
        {decisions.map((d) => {
          const values = { name: d.otherName, link: (chunks: React.ReactNode) => <Link href={`/people/${d.otherId}`}>{chunks}</Link> };
          const summary = t.rich(!d.merged ? 'decisions.with' : d.survivorId === personId ? 'decisions.mergedHere' : 'decisions.mergedThere', values);
          return (
            <li key={d.id}>
              <strong>{t(`decisions.verdict.${d.verdict}`)}</strong> ({d.inForce ? t('decisions.inForce') : t('decisions.notInForce')}): {summary}.{' '}
              {t('decisions.decided', { user: d.decidedBy, at: when(d.decidedAt) })} {t(`decisions.context.${d.context as 'review'}`)}.
              {d.reason && <div className="hint">{t('decisions.reason', { reason: d.reason })}</div>}
              {d.withdrawnAt && <div className="hint">{t('decisions.withdrawn', { user: d.withdrawnBy ?? '—', at: when(d.withdrawnAt) })}</div>}
              {d.inForce && canDecide && (
                <ActionForm
                  action={withdrawDecisionAction}
                  hidden={{ decisionId: String(d.id), personId: String(personId) }}
                  label={d.merged ? t('actions.undoMerge') : t('actions.withdraw')}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
