import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditEvents, rolePolicies, userSessions } from '@/db/schema';
import { generateTotpCode } from '@/lib/two-factor/totp';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from '@/lib/two-factor/queries';
import { unique } from '@/lib/test/factories';
import { useTestDatabase } from '@/lib/test/database';
import { changePassword } from '@/lib/users/password';
import { createUser, updateUser } from '@/lib/users/queries';
import { createSession, endSessionById, forgetOldSessions, getSessionUser, hashSessionId, listActiveSessions, revokeSession, revokeUserSessions } from './sessions';
import { checkPassword, checkSecondFactor, MAX_CODE_ATTEMPTS, redeemTicket } from './sign-in';

useTestDatabase();

const meta = { ip: '192.0.2.1', device: 'Chrome on Linux' };

async function newUser(role: 'monitor' | 'researcher' | 'admin' = 'monitor') {
  const email = `${unique('s').replace(/\s+/g, '-')}@example.org`;
  const id = await createUser({ email, name: 'Session user', role, password: 'the-right-password' });
  return { id, email };
}

describe('server-side sessions', () => {
  it('ends a session at once when it is revoked, wherever its cookie was copied', async () => {
    const { id } = await newUser();
    const sessionId = await createSession(id, meta);
    const user = await getSessionUser(sessionId);
    expect(user).toMatchObject({ id, role: 'monitor' });
    expect(await revokeSession(id, user!.sessionKey)).toBe(true);
    expect(await getSessionUser(sessionId)).toBeNull();
  });

  it('ends a session by the id its cookie carries (sign-out through Auth.js)', async () => {
    const { id } = await newUser();
    const sessionId = await createSession(id, meta);
    const other = await createSession(id, meta);
    await endSessionById(sessionId);
    expect(await getSessionUser(sessionId)).toBeNull();
    expect(await getSessionUser(other)).not.toBeNull();
  });

  it('forgets sessions that ended more than a day ago, and keeps the rest', async () => {
    const { id } = await newUser();
    const old = await createSession(id, meta);
    const current = await createSession(id, meta);
    await db.update(userSessions).set({ expiresAt: new Date(Date.now() - 2 * 86_400_000) }).where(eq(userSessions.id, hashSessionId(old)));
    await forgetOldSessions();
    const left = await db.select({ key: userSessions.id }).from(userSessions).where(eq(userSessions.userId, id));
    expect(left.map((r) => r.key)).toEqual([hashSessionId(current)]);
  });

  it('stores only a hash of the session id', async () => {
    const { id } = await newUser();
    const sessionId = await createSession(id, meta);
    const rows = await db.select({ key: userSessions.id }).from(userSessions).where(eq(userSessions.userId, id));
    expect(rows.map((r) => r.key)).toEqual([hashSessionId(sessionId)]);
    expect(rows[0].key).not.toContain(sessionId);
  });

  it('does not revive old sessions when a disabled account is enabled again', async () => {
    const { id } = await newUser();
    const sessionId = await createSession(id, meta);
    expect(await updateUser({ id, version: 1, role: 'monitor', disabled: true }, { id, ip: null })).toEqual({ ok: true });
    expect(await getSessionUser(sessionId)).toBeNull();
    expect(await updateUser({ id, version: 2, role: 'monitor', disabled: false }, { id, ip: null })).toEqual({ ok: true });
    expect(await getSessionUser(sessionId)).toBeNull();
  });

  it('applies a role change to an open session at its next request', async () => {
    const { id } = await newUser('admin');
    // Another admin remains (the last enabled admin cannot be demoted).
    const { id: other } = await newUser('admin');
    const sessionId = await createSession(id, meta);
    expect(await updateUser({ id, version: 1, role: 'researcher', disabled: false }, { id: other, ip: null })).toEqual({ ok: true });
    expect(await getSessionUser(sessionId)).toMatchObject({ role: 'researcher' });
  });

  it('refuses an expired session', async () => {
    const { id } = await newUser();
    const sessionId = await createSession(id, meta);
    await db.update(userSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userSessions.id, hashSessionId(sessionId)));
    expect(await getSessionUser(sessionId)).toBeNull();
  });

  it('ends every session with "sign out everywhere", and the others on a password change', async () => {
    const { id } = await newUser();
    const [a, b, c] = [await createSession(id, meta), await createSession(id, meta), await createSession(id, meta)];
    const current = (await getSessionUser(a))!;
    expect(await listActiveSessions(id)).toHaveLength(3);
    expect(await changePassword(id, { currentPassword: 'wrong', newPassword: 'a-new-long-password' }, { sessionKey: current.sessionKey, ip: null })).toBe('wrongPassword');
    expect(await changePassword(id, { currentPassword: 'the-right-password', newPassword: 'a-new-long-password' }, { sessionKey: current.sessionKey, ip: null })).toBe('changed');
    expect(await getSessionUser(a)).not.toBeNull();
    expect(await getSessionUser(b)).toBeNull();
    expect(await getSessionUser(c)).toBeNull();
    expect(await revokeUserSessions(id)).toBe(1);
    expect(await getSessionUser(a)).toBeNull();
  });

  it('tells whether the role requires two-factor sign-in', async () => {
    const { id } = await newUser('researcher');
    const sessionId = await createSession(id, meta);
    await db.insert(rolePolicies).values({ role: 'researcher', requireTwoFactor: true }).onConflictDoUpdate({ target: rolePolicies.role, set: { requireTwoFactor: true } });
    try {
      expect(await getSessionUser(sessionId)).toMatchObject({ twoFactorRequired: true, twoFactorEnabled: false });
    } finally {
      await db.update(rolePolicies).set({ requireTwoFactor: false }).where(eq(rolePolicies.role, 'researcher'));
    }
  });
});

describe('sign-in steps', () => {
  it('issues a ticket for the right password, redeemable once for a session, and records the sign-in', async () => {
    const { id, email } = await newUser();
    expect(await checkPassword(email, 'wrong password', '/cases', meta)).toEqual({ kind: 'invalid' });
    const step = await checkPassword(email, 'the-right-password', '/cases?city=3', meta);
    expect(step.kind).toBe('ticket');
    const ticket = (step as { ticket: string }).ticket;
    const redeemed = await redeemTicket(ticket, meta);
    expect(redeemed?.userId).toBe(id);
    expect(await redeemTicket(ticket, meta)).toBeNull();
    expect(await getSessionUser(redeemed!.sessionId)).toMatchObject({ id });
    const actions = await db.select({ action: auditEvents.action, actorId: auditEvents.actorId }).from(auditEvents).where(eq(auditEvents.targetId, String(id)));
    expect(actions).toEqual(expect.arrayContaining([{ action: 'sign_in', actorId: id }, { action: 'sign_in_failed', actorId: null }]));
  });

  it('records refused (throttled) attempts at most once a minute per address', async () => {
    const { email } = await newUser();
    const ip = '198.51.100.77';
    for (let i = 0; i < 12; i++) await checkPassword(email, `wrong ${i}`, '/cases', { ...meta, ip });
    const rows = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.ip, ip));
    expect(rows.filter((r) => r.action === 'sign_in_failed').length).toBeLessThanOrEqual(5);
    expect(rows.filter((r) => r.action === 'sign_in_throttled')).toHaveLength(1);
  });

  it('refuses garbage and unknown tickets', async () => {
    expect(await redeemTicket('', meta)).toBeNull();
    expect(await redeemTicket('x'.repeat(43), meta)).toBeNull();
    expect(await redeemTicket({} as unknown as string, meta)).toBeNull();
  });

  it('asks users with two-factor sign-in for a code, and gives a ticket only for a right one', async () => {
    const { email, id } = await newUser();
    const enrolment = await startEnrolment(id, 'the-right-password');
    if (!enrolment.ok) throw new Error('enrolment refused');
    const confirmed = await confirmEnrolment(id, generateTotpCode(enrolment.secret, Date.now() - 30_000));
    if (!confirmed.ok) throw new Error('confirmation refused');

    const step = await checkPassword(email, 'the-right-password', '/dashboard', meta);
    expect(step.kind).toBe('second_factor');
    const challenge = (step as { challenge: string }).challenge;
    // The challenge is no ticket: it can't be redeemed for a session.
    expect(await redeemTicket(challenge, meta)).toBeNull();
    expect(await checkSecondFactor(challenge, '000000', meta, verifySecondFactor)).toEqual({ kind: 'invalid', attemptsLeft: MAX_CODE_ATTEMPTS - 1 });
    const done = await checkSecondFactor(challenge, generateTotpCode(enrolment.secret), meta, verifySecondFactor);
    expect(done).toMatchObject({ kind: 'ticket', redirectTo: '/dashboard', email });
    expect(await redeemTicket((done as { ticket: string }).ticket, meta)).toMatchObject({ userId: id });

    // A recovery code works once.
    const again = (await checkPassword(email, 'the-right-password', '/cases', meta)) as { challenge: string };
    expect(await checkSecondFactor(again.challenge, confirmed.recoveryCodes[0], meta, verifySecondFactor)).toMatchObject({ kind: 'ticket' });
    const third = (await checkPassword(email, 'the-right-password', '/cases', meta)) as { challenge: string };
    expect(await checkSecondFactor(third.challenge, confirmed.recoveryCodes[0], meta, verifySecondFactor)).toMatchObject({ kind: 'invalid' });
  });

  it('gives up on a challenge after five wrong codes, even sent in parallel', async () => {
    const { email, id } = await newUser();
    const enrolment = await startEnrolment(id, 'the-right-password');
    if (!enrolment.ok) throw new Error('enrolment refused');
    await confirmEnrolment(id, generateTotpCode(enrolment.secret, Date.now() - 30_000));
    const { challenge } = (await checkPassword(email, 'the-right-password', '/cases', meta)) as { challenge: string };
    const results = await Promise.all(Array.from({ length: 12 }, () => checkSecondFactor(challenge, '123456', meta, verifySecondFactor)));
    expect(results.filter((r) => r.kind === 'invalid').length).toBeLessThanOrEqual(MAX_CODE_ATTEMPTS);
    expect(await checkSecondFactor(challenge, generateTotpCode(enrolment.secret), meta, verifySecondFactor)).toEqual({ kind: 'expired' });
  });

  // Security regression (session 25): a right password cleared the sign-in throttle and opened a
  // fresh five-guess challenge, so whoever had the password could guess codes without end (about
  // 330,000 guesses to find one). Wrong codes now count against the account, the password step
  // stays counted until a right code, and an account has one code form at a time.
  it('makes whoever knows the password but not the code wait after a few rounds of guesses', async () => {
    const { email, id } = await newUser();
    const enrolment = await startEnrolment(id, 'the-right-password');
    if (!enrolment.ok) throw new Error('enrolment refused');
    await confirmEnrolment(id, generateTotpCode(enrolment.secret, Date.now() - 30_000));
    const right = generateTotpCode(enrolment.secret);
    const wrong = right === '000000' ? '111111' : '000000';
    const attacker = { ip: '192.0.2.77', device: 'attacker' };
    let guesses = 0;
    let step = await checkPassword(email, 'the-right-password', '/cases', attacker);
    for (let round = 0; round < 20 && step.kind === 'second_factor'; round++) {
      for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
        if ((await checkSecondFactor(step.challenge, wrong, attacker, verifySecondFactor)).kind !== 'ticket') guesses++;
      }
      step = await checkPassword(email, 'the-right-password', '/cases', attacker);
    }
    expect(step.kind).toBe('throttled');
    expect(guesses).toBeLessThanOrEqual(2 * MAX_CODE_ATTEMPTS);

    // A second sign-in replaces the first one's code form.
    const other = { ip: '192.0.2.78', device: 'other' };
    const first = (await checkPassword(email, 'the-right-password', '/cases', other)) as { challenge: string };
    const second = (await checkPassword(email, 'the-right-password', '/cases', { ...other, ip: '192.0.2.79' })) as { challenge: string };
    expect(await checkSecondFactor(first.challenge, right, other, verifySecondFactor)).toEqual({ kind: 'expired' });
    // The owner, from another address, still gets in: the account allows more failures than one
    // address does.
    expect(await checkSecondFactor(second.challenge, right, other, verifySecondFactor)).toMatchObject({ kind: 'ticket' });
  });
});

describe('re-authentication', () => {
  it('throttles guesses at the current password on the change-password form too', async () => {
    const { id } = await newUser();
    const [a] = [await createSession(id, meta)];
    const key = (await getSessionUser(a))!.sessionKey;
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await changePassword(id, { currentPassword: `guess ${i}`, newPassword: 'a-new-long-password' }, { sessionKey: key, ip: '192.0.2.60' }));
    expect(results).toContain('throttled');
    expect(results.filter((r) => r === 'wrongPassword').length).toBeLessThanOrEqual(10);
  });
});
