import { and, desc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents, users } from '@/db/schema';
import { unique } from '@/lib/test/factories';
import { useTestDatabase } from '@/lib/test/database';
import { createSession, getSessionUser } from '@/lib/auth/sessions';
import { authenticateUser, createUser, EmailTakenError, updateUser } from './queries';
import { createUserInput } from './schema';

useTestDatabase();

describe('users', () => {
  it('stores an argon2id hash, never the password, and signs in with it', async () => {
    const email = `${unique('u').replace(/\s+/g, '-')}@example.org`;
    const id = await createUser(createUserInput.parse({ email, name: 'Aida', role: 'monitor', password: 'correct horse battery' }));
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
    expect(row.hash).toMatch(/^\$argon2id\$/);
    expect(row.hash).not.toContain('correct horse');

    expect(await authenticateUser(email.toUpperCase(), 'correct horse battery')).toMatchObject({ ok: true, user: { id, role: 'monitor' } });
    expect(await authenticateUser(email, 'wrong password!!')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await authenticateUser('nobody@example.org', 'correct horse battery')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const email = `${unique('dup').replace(/\s+/g, '-')}@example.org`;
    await createUser({ email, name: 'A', role: 'researcher', password: 'a-long-password' });
    await expect(createUser({ email: email.toUpperCase(), name: 'B', role: 'researcher', password: 'a-long-password' })).rejects.toBeInstanceOf(EmailTakenError);
  });

  it('locks a disabled account out at once', async () => {
    const email = `${unique('off').replace(/\s+/g, '-')}@example.org`;
    const id = await createUser({ email, name: 'C', role: 'monitor', password: 'a-long-password' });
    const sessionId = await createSession(id, { ip: null, device: null });
    expect(await getSessionUser(sessionId)).not.toBeNull();
    expect(await updateUser({ id, version: 1, role: 'monitor', disabled: true }, { id, ip: null })).toEqual({ ok: true });
    expect(await getSessionUser(sessionId)).toBeNull();
    expect(await authenticateUser(email, 'a-long-password')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses weak input', () => {
    expect(createUserInput.safeParse({ email: 'not-an-email', name: 'x', role: 'monitor', password: 'a-long-password' }).success).toBe(false);
    expect(createUserInput.safeParse({ email: 'a@example.org', name: 'x', role: 'monitor', password: 'short' }).success).toBe(false);
    expect(createUserInput.safeParse({ email: 'a@example.org', name: 'x', role: 'superuser', password: 'a-long-password' }).success).toBe(false);
  });

  const newAccount = async (role: 'admin' | 'monitor' | 'researcher', name = 'account') =>
    createUser({ email: `${unique(name).replace(/\s+/g, '-')}@example.org`, name, role, password: 'a-long-password' });
  const access = async (id: number) => (await db.select({ role: users.role, disabled: users.disabled, version: users.version }).from(users).where(eq(users.id, id)))[0];
  const auditOf = (id: number) =>
    db.select({ details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.action, 'user_updated'), eq(auditEvents.targetId, String(id)))).orderBy(desc(auditEvents.id));

  // Integrity regression (session 25): each row of the users page posts role and status together,
  // so a form made before another admin's change silently undid it.
  it("refuses a form made before another admin's change, and keeps that change", async () => {
    const [first, second, suspect] = await Promise.all([newAccount('admin', 'first admin'), newAccount('admin', 'second admin'), newAccount('monitor', 'suspect')]);
    // Both admins open the page (version 1); the first disables the compromised account…
    expect(await updateUser({ id: suspect, version: 1, role: 'monitor', disabled: true }, { id: first, ip: null })).toEqual({ ok: true });
    // …and the second, from the page as it was, makes it a researcher.
    expect(await updateUser({ id: suspect, version: 1, role: 'researcher', disabled: false }, { id: second, ip: null })).toEqual({ ok: false, reason: 'conflict' });
    expect(await access(suspect)).toEqual({ role: 'monitor', disabled: true, version: 2 });
    // The change is in the audit trail, the refused one is not.
    expect((await auditOf(suspect)).map((e) => e.details)).toEqual([{ before: { role: 'monitor', disabled: false }, after: { role: 'monitor', disabled: true } }]);
  });

  it('never leaves no enabled admin, not even when two admins demote each other at once', async () => {
    const [a, b] = [await newAccount('admin', 'admin a'), await newAccount('admin', 'admin b')];
    // Only a and b are enabled admins for this test; the others are put back afterwards.
    const others = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
    const otherIds = others.map((o) => o.id).filter((id) => id !== a && id !== b);
    if (otherIds.length) await db.update(users).set({ disabled: true }).where(inArray(users.id, otherIds));
    try {
      const results = await Promise.all([
        updateUser({ id: b, version: 1, role: 'monitor', disabled: false }, { id: a, ip: null }),
        updateUser({ id: a, version: 1, role: 'monitor', disabled: false }, { id: b, ip: null }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'lastAdmin' }]);
      const left = (await Promise.all([a, b].map(access))).filter((u) => u.role === 'admin' && !u.disabled);
      expect(left).toHaveLength(1);
      // Nor can the last one be disabled.
      const last = (await access(a)).role === 'admin' ? a : b;
      expect(await updateUser({ id: last, version: 1, role: 'admin', disabled: true }, { id: last, ip: null })).toEqual({ ok: false, reason: 'lastAdmin' });
    } finally {
      if (otherIds.length) await db.update(users).set({ disabled: false }).where(inArray(users.id, otherIds));
    }
  });
});
