import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { detentions } from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';

/**
 * The one rule for which detentions an actor may see, put in the WHERE clause of every query that
 * reads detentions (lists, detail, counts, search), so a restricted case is simply not found.
 */
export function visibleDetention(actor: Actor, { includeDeleted = false } = {}): SQL {
  const conditions: SQL[] = [];
  if (!includeDeleted) conditions.push(isNull(detentions.deletedAt));
  if (!seesRestricted(actor)) conditions.push(eq(detentions.confidentiality, 'shareable'));
  return conditions.length ? and(...conditions)! : sql`true`;
}
