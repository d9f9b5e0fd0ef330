import 'server-only';
/**
 * Admins' changes to the charge vocabulary. Each change is one transaction with its audit event.
 * An entry in use by a detention's charge can be renamed but never removed: the records citing it
 * would lose their legal basis.
 */
import { asc, count, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { withRetry } from '@/lib/transactions/retry';
import { charges, detentionCharges } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import type { Actor } from '@/lib/auth/policy';
import type { FieldErrors } from '@/lib/forms';
import { legalBasisOf, slugOf, type VocabularyEntryInput } from './schema';

/** Every entry with how many detention charges cite it, by code and article number. */
export async function listChargeEntries() {
  const uses = db
    .select({ chargeId: detentionCharges.chargeId, uses: count().as('uses') })
    .from(detentionCharges)
    .groupBy(detentionCharges.chargeId)
    .as('uses');
  return db
    .select({
      id: charges.id,
      code: charges.code,
      article: charges.article,
      legalBasis: charges.legalBasis,
      name: charges.name,
      nameKk: charges.nameKk,
      nameRu: charges.nameRu,
      seeded: sql<boolean>`${charges.createdById} IS NULL`,
      uses: sql<number>`coalesce(${uses.uses}, 0)::int`,
    })
    .from(charges)
    .leftJoin(uses, eq(uses.chargeId, charges.id))
    // Article numbers in numeric order (434 before 1000), then a sub-number (405, 405-1).
    .orderBy(asc(charges.code), sql`(split_part(${charges.article}, '-', 1))::int`, asc(charges.article));
}

export type EntryResult = { ok: true; id: number; legalBasis: string } | { ok: false; errors: FieldErrors };

/** Adds an entry; the same code and article twice is refused (also when two admins race). */
export async function createChargeEntry(actor: Actor, input: VocabularyEntryInput, ip: string | null = null): Promise<EntryResult> {
  const legalBasis = legalBasisOf(input.code, input.article);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charges)
      .values({ slug: slugOf(input.code, input.article), code: input.code, article: input.article, legalBasis, name: input.name, nameKk: input.nameKk, nameRu: input.nameRu, createdById: actor.id })
      // Both unique keys (slug, code + article) mean the same thing here: that article exists.
      .onConflictDoNothing()
      .returning({ id: charges.id });
    if (!row) return { ok: false, errors: { article: ['vocabulary.duplicate'] } };
    await recordAudit({ action: 'vocabulary_created', actorId: actor.id, targetKind: 'charge', targetId: row.id, ip, details: { legalBasis } }, tx);
    return { ok: true, id: row.id, legalBasis };
  });
}

/**
 * Renames an entry (its code and article stay: records cite them), in English and, when given, in
 * Kazakh and Russian (undefined leaves a translation as it is); false when there is no such entry.
 */
export async function renameChargeEntry(
  actor: Actor,
  id: number,
  names: { name: string; nameKk?: string | null; nameRu?: string | null },
  ip: string | null = null,
): Promise<boolean> {
  // Retried on a deadlock: the rename clears the export cells of every detention charged under it
  // (migration 0023), whose rows a save may hold while it waits for this entry.
  return withRetry(() => db.transaction(async (tx) => {
    const rows = await tx.update(charges).set({ name: names.name, nameKk: names.nameKk, nameRu: names.nameRu }).where(eq(charges.id, id)).returning({ legalBasis: charges.legalBasis });
    if (rows.length === 0) return false;
    await recordAudit({ action: 'vocabulary_updated', actorId: actor.id, targetKind: 'charge', targetId: id, ip, details: { legalBasis: rows[0].legalBasis } }, tx);
    return true;
  }));
}

/** Removes an unused entry. Refused while any detention's charge cites it. */
export async function deleteChargeEntry(actor: Actor, id: number, ip: string | null = null): Promise<{ ok: true } | { ok: false; reason: 'notFound' | 'inUse' }> {
  try {
    return await db.transaction(async (tx) => {
      // Locked, so a charge citing it can't be saved between the count and the delete.
      const [entry] = await tx.select({ legalBasis: charges.legalBasis }).from(charges).where(eq(charges.id, id)).for('update');
      if (!entry) return { ok: false, reason: 'notFound' } as const;
      const [{ n }] = await tx.select({ n: count() }).from(detentionCharges).where(eq(detentionCharges.chargeId, id));
      if (n > 0) return { ok: false, reason: 'inUse' } as const;
      await tx.delete(charges).where(eq(charges.id, id));
      await recordAudit({ action: 'vocabulary_deleted', actorId: actor.id, targetKind: 'charge', targetId: id, ip, details: { legalBasis: entry.legalBasis } }, tx);
      return { ok: true } as const;
    });
  } catch (error) {
    // A foreign key the count could not see (a revision's or rollup's reference): still in use.
    if (sqlState(error) === '23503') return { ok: false, reason: 'inUse' };
    throw error;
  }
}

function sqlState(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}
