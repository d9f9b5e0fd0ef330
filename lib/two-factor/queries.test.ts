import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { auditEvents, recoveryCodes, users, type UserRole } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { useTestDatabase } from '@/lib/test/database';
import { unique } from '@/lib/test/factories';
import {
  confirmEnrolment,
  disableTwoFactor,
  getRolePolicies,
  regenerateRecoveryCodes,
  resetTwoFactor,
  setRoleRequiresTwoFactor,
  startEnrolment,
  twoFactorStatus,
  verifySecondFactor,
} from './queries';
import { generateTotpCode } from './totp';

useTestDatabase();

const PASSWORD = 'a-long-test-password';
const STEP = 30_000;
// Mid-step, so ±1 step never crosses a boundary by the time the test runs.
const T0 = (Math.floor(Date.now() / STEP) + 10) * STEP + STEP / 2;

afterEach(() => vi.useRealTimers());

/** Only Date is faked: the database drivers keep their real timers. */
function at(timestamp: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(timestamp);
}

async function createUser(role: UserRole = 'monitor') {
  const email = `${unique('2fa').replace(/\s+/g, '-')}@example.org`;
  const [row] = await db
    .insert(users)
    .values({ email, name: 'Two Factor', role, passwordHash: await hashPassword(PASSWORD) })
    .returning({ id: users.id });
  return row.id;
}

/** A user with two-factor on, enrolled at T0; returns the plain secret and recovery codes. */
async function enrolledUser(role: UserRole = 'monitor') {
  const id = await createUser(role);
  at(T0);
  const started = await startEnrolment(id, PASSWORD);
  if (!started.ok) throw new Error(started.reason);
  const confirmed = await confirmEnrolment(id, generateTotpCode(started.secret, T0));
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return { id, secret: started.secret, codes: confirmed.recoveryCodes };
}

const userRow = async (id: number) => (await db.select().from(users).where(eq(users.id, id)))[0];
const auditCount = async (action: string, targetId: number | string) =>
  (await db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, String(targetId))))).length;

describe('enrolment', () => {
  it('refuses a wrong password and stores nothing', async () => {
    const id = await createUser();
    expect(await startEnrolment(id, 'not-the-password')).toEqual({ ok: false, reason: 'password' });
    expect((await userRow(id)).totpSecret).toBeNull();
  });

  it('keeps the secret pending until a code confirms it, sealed, never in plain text', async () => {
    const id = await createUser();
    const started = await startEnrolment(id, PASSWORD);
    if (!started.ok) throw new Error(started.reason);
    expect(started.uri).toContain(`secret=${started.secret}`);
    expect(started.qrSvg).toMatch(/^<svg/);
    const row = await userRow(id);
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(started.secret);
    expect(row.totpEnabledAt).toBeNull();
    expect(await twoFactorStatus(id)).toEqual({ enabled: false, recoveryCodesLeft: 0, requiredByRole: false });
    // Pending is not enabled: a code doesn't pass sign-in yet.
    expect(await verifySecondFactor(id, generateTotpCode(started.secret))).toBeNull();

    expect(await confirmEnrolment(id, '000000')).toMatchObject({ ok: false });
    const confirmed = await confirmEnrolment(id, generateTotpCode(started.secret));
    if (!confirmed.ok) throw new Error(confirmed.reason);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(await twoFactorStatus(id)).toEqual({ enabled: true, recoveryCodesLeft: 10, requiredByRole: false });
    expect(await auditCount('two_factor_enabled', id)).toBe(1);
    // Enrolled, a new enrolment is refused until two-factor is turned off.
    expect(await startEnrolment(id, PASSWORD)).toEqual({ ok: false, reason: 'state' });
  });

  it('stores recovery codes only as hashes', async () => {
    const { id, codes } = await enrolledUser();
    const rows = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id));
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace(/-/g, ''));
    }
    for (const row of rows) expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifying a second factor', () => {
  it('accepts each time step once, and none older than the last accepted', async () => {
    const { id, secret } = await enrolledUser();
    // The code that confirmed the enrolment can't be replayed at sign-in.
    expect(await verifySecondFactor(id, generateTotpCode(secret, T0))).toBeNull();
    at(T0 + STEP);
    const next = generateTotpCode(secret, T0 + STEP);
    expect(await verifySecondFactor(id, next)).toBe('totp');
    expect(await verifySecondFactor(id, next)).toBeNull();
    // Still inside the ±1 window, but older than the step just used.
    expect(await verifySecondFactor(id, generateTotpCode(secret, T0))).toBeNull();
    // A phone one step ahead is accepted.
    expect(await verifySecondFactor(id, generateTotpCode(secret, T0 + 2 * STEP))).toBe('totp');
    at(T0 + 5 * STEP);
    expect(await verifySecondFactor(id, generateTotpCode(secret, T0 + 3 * STEP))).toBeNull(); // two steps old
  });

  it('lets exactly one of concurrent uses of a TOTP code through', async () => {
    const { id, secret } = await enrolledUser();
    at(T0 + STEP);
    const code = generateTotpCode(secret, T0 + STEP);
    const results = await Promise.all(Array.from({ length: 6 }, () => verifySecondFactor(id, code)));
    expect(results.filter((r) => r === 'totp')).toHaveLength(1);
  });

  it('uses a recovery code once, however typed, even when sent concurrently', async () => {
    const { id, codes } = await enrolledUser();
    const typed = codes[0].toUpperCase().replace(/-/g, ' ');
    const results = await Promise.all(Array.from({ length: 6 }, () => verifySecondFactor(id, typed)));
    expect(results.filter((r) => r === 'recovery')).toHaveLength(1);
    expect(await verifySecondFactor(id, codes[0])).toBeNull();
    expect(await twoFactorStatus(id)).toMatchObject({ recoveryCodesLeft: 9 });
    expect(await verifySecondFactor(id, 'zzzz-zzzz-zz')).toBeNull();
  });
});

describe('changing two-factor', () => {
  it('turns off only with the password and a current code', async () => {
    const { id, secret } = await enrolledUser();
    at(T0 + STEP);
    const code = generateTotpCode(secret, T0 + STEP);
    expect(await disableTwoFactor(id, 'wrong-password', code)).toEqual({ ok: false, reason: 'password' });
    expect(await disableTwoFactor(id, PASSWORD, '000000')).toEqual({ ok: false, reason: 'code' });
    expect((await twoFactorStatus(id)).enabled).toBe(true);
    expect(await disableTwoFactor(id, PASSWORD, code)).toEqual({ ok: true });
    const row = await userRow(id);
    expect([row.totpSecret, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id))).toHaveLength(0);
    expect(await auditCount('two_factor_disabled', id)).toBe(1);
  });

  it('turns off with a recovery code too, recording its use', async () => {
    const { id, codes } = await enrolledUser();
    expect(await disableTwoFactor(id, PASSWORD, codes[2])).toEqual({ ok: true });
    expect(await auditCount('recovery_code_used', id)).toBe(1);
    expect((await twoFactorStatus(id)).enabled).toBe(false);
  });

  it('replaces the recovery codes only with the password', async () => {
    const { id, codes } = await enrolledUser();
    expect(await regenerateRecoveryCodes(id, 'wrong-password')).toEqual({ ok: false, reason: 'password' });
    const fresh = await regenerateRecoveryCodes(id, PASSWORD);
    if (!fresh.ok) throw new Error(fresh.reason);
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(await verifySecondFactor(id, codes[1])).toBeNull();
    expect(await verifySecondFactor(id, fresh.recoveryCodes[1])).toBe('recovery');
    expect(await auditCount('recovery_codes_regenerated', id)).toBe(1);
  });

  it('lets an admin reset another user with their own password, never their own', async () => {
    const { id } = await enrolledUser();
    const admin = await createUser('admin');
    expect(await resetTwoFactor(id, admin, 'wrong-password')).toEqual({ ok: false, reason: 'password' });
    expect((await twoFactorStatus(id)).enabled).toBe(true);
    expect(await resetTwoFactor(admin, admin, PASSWORD)).toEqual({ ok: false, reason: 'self' });
    expect(await resetTwoFactor(id, admin, PASSWORD)).toEqual({ ok: true });
    expect(await twoFactorStatus(id)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await userRow(id)).totpSecret).toBeNull();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'two_factor_reset'), eq(auditEvents.targetId, String(id))));
    expect(event.actorId).toBe(admin);
  });

  it('throttles repeated wrong passwords', async () => {
    const id = await createUser();
    const results = [];
    for (let i = 0; i < 12; i += 1) results.push(await startEnrolment(id, 'wrong-password'));
    expect(results.at(-1)).toEqual({ ok: false, reason: 'throttled' });
  });
});

describe('role policy', () => {
  it('is off by default and audited when an admin changes it', async () => {
    const admin = await createUser('admin');
    const researcher = await createUser('researcher');
    const before = await getRolePolicies();
    expect(Object.keys(before).sort()).toEqual(['admin', 'monitor', 'researcher']);
    const events = await auditCount('role_policy_changed', 'researcher');
    try {
      expect(await setRoleRequiresTwoFactor('researcher', true, admin)).toBe(true);
      expect(await setRoleRequiresTwoFactor('researcher', true, admin)).toBe(false);
      expect((await getRolePolicies()).researcher).toBe(true);
      expect((await twoFactorStatus(researcher)).requiredByRole).toBe(true);
      expect(await auditCount('role_policy_changed', 'researcher')).toBe(events + 1);
    } finally {
      // Other test files share the database on a PostgreSQL server; leave the default behind.
      await setRoleRequiresTwoFactor('researcher', false, admin);
    }
    expect((await getRolePolicies()).researcher).toBe(false);
  });
});
