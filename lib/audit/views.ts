import 'server-only';
import type { Actor } from '@/lib/auth/policy';
import { clientIp } from '@/lib/request/client';
import { recordAudit } from './log';

/**
 * Records that `actor` was shown restricted data: a restricted detention, or a person's notes.
 * Awaited before the page renders, so a page whose view could not be recorded is not shown.
 */
export async function recordRestrictedView(actor: Actor, kind: 'detention' | 'person', id: number, page: 'view' | 'edit') {
  await recordAudit({
    action: kind === 'detention' ? 'view_restricted_detention' : 'view_restricted_person',
    actorId: actor.id,
    targetKind: kind,
    targetId: id,
    ip: await clientIp(),
    details: { page },
  });
}
