import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { signInThrottle } from '@/db/schema';
import { unique } from '@/lib/test/factories';
import { useTestDatabase } from '@/lib/test/database';
import { authenticateUser, createUser } from '@/lib/users/queries';
import { issueDeviceToken, LIMITS, throttleKeys } from './throttle';

useTestDatabase();

const email = (prefix: string) => `${unique(prefix).replace(/\s+/g, '-')}@example.org`;

async function newUser(prefix: string) {
  const address = email(prefix);
  await createUser({ email: address, name: prefix, role: 'monitor', password: 'the-right-password' });
  return address;
}

/** Lets every delay on these keys run out, as if the attacker had waited. */
async function waitOut(address: string, ip: string | null, device?: string) {
  for (const { key } of throttleKeys(address, ip, device)) {
    await db.update(signInThrottle).set({ blockedUntil: sql`now() - interval '1 second'` }).where(eq(signInThrottle.key, key));
  }
}

describe('sign-in throttle', () => {
  it('checks at most five passwords of a burst of parallel guesses, the right password among them', async () => {
    const address = await newUser('burst');
    const guesses = Array.from({ length: 20 }, (_, i) => `guess ${i}`);
    const results = await Promise.all([...guesses, 'the-right-password'].map((p) => authenticateUser(address, p, '203.0.113.7')));
    // Every password that was actually checked (wrong or right) counts against the five.
    const checked = results.filter((r) => r.ok || r.reason === 'invalid').length;
    expect(checked).toBeLessThanOrEqual(LIMITS.accountAndIp.free);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBe(21 - checked);
  });

  it('limits one address spraying many accounts', async () => {
    const ip = '198.51.100.40';
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => authenticateUser(email(`spray${i}`), 'password-guess', ip)));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBeLessThanOrEqual(LIMITS.ip.free);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBeGreaterThanOrEqual(60 - LIMITS.ip.free);
  });

  it("doesn't count successful sign-ins against the address", async () => {
    const ip = '192.0.2.150';
    const users = await Promise.all(Array.from({ length: 3 }, (_, i) => newUser(`office${i}`)));
    for (let round = 0; round < LIMITS.ip.free + 5; round++) {
      expect(await authenticateUser(users[round % 3], 'the-right-password', ip), `sign-in ${round}`).toMatchObject({ ok: true });
    }
  });

  it('delays progressively instead of locking: each blocked attempt is told how long, and the wait grows', async () => {
    const address = await newUser('grow');
    const ip = '192.0.2.9';
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      let result = await authenticateUser(address, 'wrong', ip);
      while (!result.ok && result.reason === 'invalid') result = await authenticateUser(address, 'wrong', ip);
      if (!result.ok && result.reason === 'throttled') waits.push(result.retryAfterSeconds);
      await waitOut(address, ip);
    }
    expect(waits).toHaveLength(4);
    expect(waits[3]).toBeGreaterThan(waits[0]);
    // After the wait, the right password gets through and the account's count starts again.
    expect(await authenticateUser(address, 'the-right-password', ip)).toMatchObject({ ok: true });
  });

  it("can't be used by an attacker to keep the owner out", async () => {
    const address = await newUser('owner');
    const device = issueDeviceToken(address);
    // The attacker, from many addresses, exhausts the account's own allowance.
    for (let i = 0; i < 40; i++) await authenticateUser(address, 'attack', `203.0.113.${100 + i}`);
    const fromNewBrowser = await authenticateUser(address, 'the-right-password', '192.0.2.200');
    // A browser never seen before waits at most the account's short cap…
    if (!fromNewBrowser.ok && fromNewBrowser.reason === 'throttled') {
      expect(fromNewBrowser.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.account.maxDelaySeconds);
    }
    // …and the owner's own browser (it signed in before) is not held up at all.
    expect(await authenticateUser(address, 'the-right-password', '192.0.2.201', device)).toMatchObject({ ok: true });
  });

  it('ignores a device token made for another account or forged', async () => {
    const address = await newUser('forge');
    const other = issueDeviceToken('someone-else@example.org');
    const [deviceKey] = throttleKeys(address, null, other);
    const [accountKey] = throttleKeys(address, null);
    expect(deviceKey.key).toBe(accountKey.key);
    const forged = `${'A'.repeat(22)}.${'0'.repeat(64)}`;
    expect(throttleKeys(address, null, forged)[0].key).toBe(accountKey.key);
  });

  it('stores no email or address in the clear', async () => {
    const address = await newUser('hmac');
    await authenticateUser(address, 'wrong', '192.0.2.77');
    const rows = await db.select({ key: signInThrottle.key }).from(signInThrottle);
    for (const { key } of rows) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
