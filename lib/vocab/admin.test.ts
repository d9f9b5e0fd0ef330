import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents, charges } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, validCase } from '@/lib/test/factories';
import { createChargeEntry, deleteChargeEntry, listChargeEntries, renameChargeEntry } from './admin';
import { legalBasisOf, slugOf, vocabularyEntryInput } from './schema';

useTestDatabase();

const errorsOf = (raw: Record<string, unknown>) => {
  const parsed = vocabularyEntryInput.safeParse(raw);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('a vocabulary entry as typed', () => {
  it('takes a code, an article number and a name', () => {
    expect(vocabularyEntryInput.parse({ code: 'criminal', article: ' 174 ', name: 'Inciting discord' })).toEqual({ code: 'criminal', article: '174', name: 'Inciting discord' });
    expect(vocabularyEntryInput.parse({ code: 'administrative', article: '405-1', name: 'x' }).article).toBe('405-1');
  });

  it('refuses a part, words, a missing code or name, with the message beside the field', () => {
    expect(errorsOf({ code: 'administrative', article: '488(3)', name: 'x' })).toEqual({ article: 'vocabulary.articleInvalid' });
    expect(errorsOf({ code: 'administrative', article: 'art. 488', name: 'x' })).toEqual({ article: 'vocabulary.articleInvalid' });
    expect(errorsOf({ code: 'administrative', article: '0', name: 'x' })).toEqual({ article: 'vocabulary.articleInvalid' });
    expect(errorsOf({ code: 'civil', article: '', name: '' })).toEqual({ code: 'errors.choose', article: 'errors.required', name: 'errors.required' });
  });

  it('derives the legal basis and slug as the seeded vocabulary writes them', () => {
    expect(legalBasisOf('administrative', '434')).toBe('CoAO art. 434');
    expect(legalBasisOf('criminal', '174')).toBe('Criminal Code art. 174');
    expect(slugOf('administrative', '488')).toBe('coao-488');
    expect(slugOf('criminal', '405-1')).toBe('cc-405-1');
  });
});

describe('changing the vocabulary', () => {
  let admin: Actor;
  let monitor: Actor;
  const article = String(7000 + (process.pid % 2000));

  beforeAll(async () => {
    admin = await createActor('admin');
    monitor = await createActor('monitor');
  });

  it('adds an entry once, refuses the same code and article again, and records it', async () => {
    const added = await createChargeEntry(admin, { code: 'administrative', article, name: 'Test article' }, '198.51.100.7');
    expect(added).toMatchObject({ ok: true, legalBasis: `CoAO art. ${article}` });
    const id = (added as { id: number }).id;
    const [row] = await db.select().from(charges).where(eq(charges.id, id));
    expect(row).toMatchObject({ slug: `coao-${article}`, code: 'administrative', article, legalBasis: `CoAO art. ${article}`, name: 'Test article', createdById: admin.id });

    expect(await createChargeEntry(admin, { code: 'administrative', article, name: 'Another name' })).toEqual({ ok: false, errors: { article: ['vocabulary.duplicate'] } });
    // The same number in the other code is another article.
    expect(await createChargeEntry(admin, { code: 'criminal', article, name: 'Criminal twin' })).toMatchObject({ ok: true });

    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetKind, 'charge'), eq(auditEvents.targetId, String(id))));
    expect(event).toMatchObject({ action: 'vocabulary_created', actorId: admin.id, targetKind: 'charge', ip: '198.51.100.7', details: { legalBasis: `CoAO art. ${article}` } });
  });

  it('lists entries with how many charges use them', async () => {
    const [used] = await db.select({ id: charges.id }).from(charges).where(eq(charges.slug, 'coao-488'));
    const before = (await listChargeEntries()).find((e) => e.id === used.id)!.uses;
    await createCase(monitor, await validCase());
    const entries = await listChargeEntries();
    expect(entries.find((e) => e.id === used.id)).toMatchObject({ legalBasis: 'CoAO art. 488', uses: before + 1, seeded: true });
    const mine = entries.find((e) => e.legalBasis === `CoAO art. ${article}`);
    expect(mine).toMatchObject({ uses: 0, seeded: false });
    // Numeric order: 488 before 7000-odd.
    const administrative = entries.filter((e) => e.code === 'administrative').map((e) => Number(e.article.split('-')[0]));
    expect(administrative).toEqual([...administrative].sort((a, b) => a - b));
  });

  it('renames an entry, and refuses to remove one in use', async () => {
    const [used] = await db.select({ id: charges.id }).from(charges).where(eq(charges.slug, 'coao-488'));
    await createCase(monitor, await validCase());
    expect(await deleteChargeEntry(admin, used.id)).toEqual({ ok: false, reason: 'inUse' });
    expect(await db.select({ id: charges.id }).from(charges).where(eq(charges.id, used.id))).toHaveLength(1);

    const added = await createChargeEntry(admin, { code: 'criminal', article: `${article}-1`, name: 'Soon gone' });
    const id = (added as { id: number }).id;
    expect(await renameChargeEntry(admin, id, { name: 'Renamed' })).toBe(true);
    expect((await db.select({ name: charges.name }).from(charges).where(eq(charges.id, id)))[0].name).toBe('Renamed');
    expect(await deleteChargeEntry(admin, id)).toEqual({ ok: true });
    expect(await db.select().from(charges).where(eq(charges.id, id))).toHaveLength(0);
    expect(await deleteChargeEntry(admin, id)).toEqual({ ok: false, reason: 'notFound' });
    expect(await renameChargeEntry(admin, id, { name: 'x' })).toBe(false);
    const trail = await db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.targetKind, 'charge'), eq(auditEvents.targetId, String(id)))).orderBy(auditEvents.id);
    expect(trail.map((e) => e.action)).toEqual(['vocabulary_created', 'vocabulary_updated', 'vocabulary_deleted']);
  });

  it('keeps Kazakh and Russian names beside the English one; a rename without them leaves them', async () => {
    const parsed = vocabularyEntryInput.parse({ code: 'criminal', article: `${article}-2`, name: 'Translated', nameKk: ' Аударылған ', nameRu: '' });
    expect(parsed).toMatchObject({ nameKk: 'Аударылған', nameRu: null });
    const added = await createChargeEntry(admin, parsed);
    const id = (added as { id: number }).id;
    const names = async () => (await db.select({ name: charges.name, nameKk: charges.nameKk, nameRu: charges.nameRu }).from(charges).where(eq(charges.id, id)))[0];
    expect(await names()).toEqual({ name: 'Translated', nameKk: 'Аударылған', nameRu: null });
    await renameChargeEntry(admin, id, { name: 'Translated again', nameRu: 'Переведённое' });
    expect(await names()).toEqual({ name: 'Translated again', nameKk: 'Аударылған', nameRu: 'Переведённое' });
    await renameChargeEntry(admin, id, { name: 'Translated again', nameKk: null, nameRu: null });
    expect(await names()).toEqual({ name: 'Translated again', nameKk: null, nameRu: null });
    await deleteChargeEntry(admin, id);
  });
});
