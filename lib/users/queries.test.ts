import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { users } from '@/db/schema';
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
    await updateUser({ id, role: 'monitor', disabled: true });
    expect(await getSessionUser(sessionId)).toBeNull();
    expect(await authenticateUser(email, 'a-long-password')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses weak input', () => {
    expect(createUserInput.safeParse({ email: 'not-an-email', name: 'x', role: 'monitor', password: 'a-long-password' }).success).toBe(false);
    expect(createUserInput.safeParse({ email: 'a@example.org', name: 'x', role: 'monitor', password: 'short' }).success).toBe(false);
    expect(createUserInput.safeParse({ email: 'a@example.org', name: 'x', role: 'superuser', password: 'a-long-password' }).success).toBe(false);
  });
});
