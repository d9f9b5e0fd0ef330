/**
 * Two-factor sign-in: enrolment, verification, recovery codes, role policy, admin reset.
 *
 * Every change to a user's second factor asks for a password again (re-authentication), checked
 * here rather than in the actions so no caller can forget it: a session left open on a shared
 * computer must not be enough to add, remove or replace the factor that protects the account.
 * Those password checks go through the sign-in throttle, so this is no side door for guessing.
 */
import 'server-only';
import { and, count, eq, isNotNull, isNull, or, lt, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { recoveryCodes, rolePolicies, userRole, users, type UserRole } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { reauthenticate } from '@/lib/auth/reauth';
import { clientIp } from '@/lib/request/client';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery';
import { openSecret, sealSecret } from './secret-box';
import { matchTotpStep, newTotpSecret, normaliseTotpCode, totpQrSvg, totpUri } from './totp';

export type Refusal = {
  ok: false;
  /** password: wrong; throttled: too many wrong passwords; code: wrong or used; state: not (or already) enrolled; self: admins reset others only. */
  reason: 'password' | 'throttled' | 'code' | 'state' | 'self';
};
const refuse = (reason: Refusal['reason']): Refusal => ({ ok: false, reason });

export type Enrolment = { ok: true; secret: string; uri: string; qrSvg: string };
export type NewRecoveryCodes = { ok: true; recoveryCodes: string[] };

const cleared = () => ({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() });
const sealContext = (userId: number) => `user:${userId}`;

async function readFactor(userId: number) {
  const [row] = await db
    .select({ email: users.email, role: users.role, totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

async function storeRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, normaliseRecoveryCode(code)!) })));
  return codes;
}

/**
 * Step 1 of enrolment, after the password: a new secret, stored sealed but not yet enabled (sign-in
 * ignores it until confirmEnrolment). Refused while two-factor is on: turn it off first.
 */
export async function startEnrolment(userId: number, password: string): Promise<Enrolment | Refusal> {
  const auth = await reauthenticate(userId, password);
  if (auth !== 'ok') return refuse(auth);
  const user = await readFactor(userId);
  if (!user || user.totpEnabledAt) return refuse('state');
  const secret = newTotpSecret();
  const rows = await db
    .update(users)
    .set({ ...cleared(), totpSecret: sealSecret(secret, sealContext(userId)) })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (rows.length === 0) return refuse('state');
  const uri = totpUri(secret, user.email);
  return { ok: true, secret, uri, qrSvg: await totpQrSvg(uri) };
}

/**
 * Step 2: a code from the app proves it holds the secret; two-factor is then on, and the ten
 * recovery codes are returned this once. The confirming step counts as used, so the same code
 * can't be replayed at the next sign-in.
 */
export async function confirmEnrolment(userId: number, code: string): Promise<NewRecoveryCodes | Refusal> {
  const user = await readFactor(userId);
  if (!user?.totpSecret || user.totpEnabledAt) return refuse('state');
  const secret = openSecret(user.totpSecret, sealContext(userId));
  if (!secret) return refuse('state');
  const step = matchTotpStep(secret, code);
  if (step === null) return refuse('code');
  const ip = await clientIp();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpEnabledAt: new Date(), totpLastStep: step, updatedAt: new Date() })
      // The very secret that was checked, still pending (a second tab may have started over).
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), eq(users.totpSecret, user.totpSecret!)))
      .returning({ id: users.id });
    if (rows.length === 0) return refuse('state');
    const recoveryCodes = await storeRecoveryCodes(tx, userId);
    await recordAudit({ action: 'two_factor_enabled', actorId: userId, targetKind: 'user', targetId: userId, ip }, tx);
    return { ok: true as const, recoveryCodes };
  });
}

/**
 * The second step of sign-in: a 6-digit code from the app, or a recovery code. Each check and its
 * consumption is one conditional UPDATE, so of two concurrent uses of one code only one passes:
 * a TOTP step must be later than the last one accepted; a recovery code must still be unused.
 */
export async function verifySecondFactor(userId: number, code: string): Promise<'totp' | 'recovery' | null> {
  const user = await readFactor(userId);
  if (!user?.totpSecret || !user.totpEnabledAt) return null;
  if (/^\d{6}$/.test(normaliseTotpCode(code))) {
    const secret = openSecret(user.totpSecret, sealContext(userId));
    const step = secret === null ? null : matchTotpStep(secret, code);
    if (step === null) return null;
    const rows = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(
        and(
          eq(users.id, userId),
          isNotNull(users.totpEnabledAt),
          eq(users.totpSecret, user.totpSecret),
          or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
        ),
      )
      .returning({ id: users.id });
    return rows.length > 0 ? 'totp' : null;
  }
  const canonical = normaliseRecoveryCode(code);
  if (!canonical) return null;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(userId, canonical)), isNull(recoveryCodes.usedAt)),
    )
    .returning({ id: recoveryCodes.id });
  // No audit event here: each caller records the use in its own context (sign-in, turning off).
  return used.length > 0 ? 'recovery' : null;
}

/** Turning two-factor off takes the password and a current code (or a recovery code). */
export async function disableTwoFactor(userId: number, password: string, code: string): Promise<{ ok: true } | Refusal> {
  const auth = await reauthenticate(userId, password);
  if (auth !== 'ok') return refuse(auth);
  if (!(await readFactor(userId))?.totpEnabledAt) return refuse('state');
  const method = await verifySecondFactor(userId, code);
  if (!method) return refuse('code');
  const ip = await clientIp();
  await db.transaction(async (tx) => {
    if (method === 'recovery') await recordAudit({ action: 'recovery_code_used', actorId: userId, targetKind: 'user', targetId: userId, ip }, tx);
    await tx.update(users).set(cleared()).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await recordAudit({ action: 'two_factor_disabled', actorId: userId, targetKind: 'user', targetId: userId, ip }, tx);
  });
  return { ok: true };
}

/** Ten new recovery codes, returned this once; the old ones stop working. */
export async function regenerateRecoveryCodes(userId: number, password: string): Promise<NewRecoveryCodes | Refusal> {
  const auth = await reauthenticate(userId, password);
  if (auth !== 'ok') return refuse(auth);
  const ip = await clientIp();
  return db.transaction(async (tx) => {
    // Locks the row, so a concurrent disable can't leave codes behind for a user without two-factor.
    const [row] = await tx.select({ on: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).for('update');
    if (!row?.on) return refuse('state');
    const codes = await storeRecoveryCodes(tx, userId);
    await recordAudit({ action: 'recovery_codes_regenerated', actorId: userId, targetKind: 'user', targetId: userId, ip }, tx);
    return { ok: true as const, recoveryCodes: codes };
  });
}

/**
 * An admin turns a user's two-factor off (lost phone, no recovery codes), after giving their own
 * password. Never their own: that goes through /account/security and needs a code.
 */
export async function resetTwoFactor(targetUserId: number, adminId: number, adminPassword: string): Promise<{ ok: true } | Refusal> {
  if (targetUserId === adminId) return refuse('self');
  const auth = await reauthenticate(adminId, adminPassword);
  if (auth !== 'ok') return refuse(auth);
  const ip = await clientIp();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ on: users.totpEnabledAt }).from(users).where(eq(users.id, targetUserId)).for('update');
    if (!row) return refuse('state');
    await tx.update(users).set(cleared()).where(eq(users.id, targetUserId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, targetUserId));
    await recordAudit(
      { action: 'two_factor_reset', actorId: adminId, targetKind: 'user', targetId: targetUserId, ip, details: { wasEnabled: row.on !== null } },
      tx,
    );
    return { ok: true as const };
  });
}

async function recoveryCodesLeft(userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export type TwoFactorStatus = { enabled: boolean; recoveryCodesLeft: number; requiredByRole: boolean };

export async function twoFactorStatus(userId: number): Promise<TwoFactorStatus> {
  const user = await readFactor(userId);
  if (!user) return { enabled: false, recoveryCodesLeft: 0, requiredByRole: false };
  const [left, requiredByRole] = await Promise.all([recoveryCodesLeft(userId), roleRequiresTwoFactor(user.role)]);
  return { enabled: user.totpEnabledAt !== null, recoveryCodesLeft: user.totpEnabledAt ? left : 0, requiredByRole };
}

/** Whether each role must use two-factor sign-in; a role without a row does not (the default). */
export async function getRolePolicies(): Promise<Record<UserRole, boolean>> {
  const rows = await db.select({ role: rolePolicies.role, required: rolePolicies.requireTwoFactor }).from(rolePolicies);
  const policies = Object.fromEntries(userRole.enumValues.map((role) => [role, false])) as Record<UserRole, boolean>;
  for (const row of rows) policies[row.role] = row.required;
  return policies;
}

export async function roleRequiresTwoFactor(role: UserRole): Promise<boolean> {
  const [row] = await db.select({ required: rolePolicies.requireTwoFactor }).from(rolePolicies).where(eq(rolePolicies.role, role));
  return row?.required ?? false;
}

/** Sets one role's policy; an audit event only when it actually changes. Returns whether it did. */
export async function setRoleRequiresTwoFactor(role: UserRole, required: boolean, adminId: number): Promise<boolean> {
  const ip = await clientIp();
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ required: rolePolicies.requireTwoFactor }).from(rolePolicies).where(eq(rolePolicies.role, role)).for('update');
    if ((before?.required ?? false) === required) return false;
    await tx
      .insert(rolePolicies)
      .values({ role, requireTwoFactor: required, updatedById: adminId })
      .onConflictDoUpdate({ target: rolePolicies.role, set: { requireTwoFactor: required, updatedById: adminId, updatedAt: sql`now()` } });
    await recordAudit({ action: 'role_policy_changed', actorId: adminId, targetKind: 'role', targetId: role, ip, details: { requireTwoFactor: required } }, tx);
    return true;
  });
}

/** Ids of the users with two-factor on, for the admin's user list. */
export async function listTwoFactorUserIds(): Promise<Set<number>> {
  const rows = await db.select({ id: users.id }).from(users).where(isNotNull(users.totpEnabledAt));
  return new Set(rows.map((r) => r.id));
}
