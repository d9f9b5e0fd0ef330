import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const USERS = {
  admin: { email: 'admin@example.org', password: 'demo-admin-password' },
  monitor: { email: 'monitor@example.org', password: 'demo-monitor-password' },
  researcher: { email: 'researcher@example.org', password: 'demo-researcher-password' },
} as const;

export type RoleName = keyof typeof USERS;

/** The suite runs twice in CI: on embedded PGlite, then against the PostgreSQL server (DATABASE_URL). */
export const onServerDatabase = Boolean(process.env.DATABASE_URL);
/**
 * Why the every-page sweeps (axe, reflow) run on the first pass only: they check what the browser
 * renders, which does not depend on the database engine, and they are the slowest specs.
 */
export const SWEEP_RUNS_ONCE = 'every-page rendering sweep: the same pages render on both databases, so it runs on the PGlite pass only';

export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/cases$/);
}

/** An admin adds a user of the tests' own (so the demo logins stay as they are for other specs). */
export async function addUser(adminPage: Page, user: { email: string; name: string; role: 'Admin' | 'Monitor' | 'Researcher'; password: string }) {
  await adminPage.goto('/admin/users');
  await adminPage.getByLabel('Email').fill(user.email);
  await adminPage.getByLabel('Name', { exact: true }).fill(user.name);
  await adminPage.getByLabel('Role', { exact: true }).selectOption({ label: user.role });
  await adminPage.getByLabel('Password').fill(user.password);
  await adminPage.getByRole('button', { name: 'Add user' }).click();
  await expect(adminPage.getByRole('status')).toContainText('can sign in now');
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Each demo role's signed-in browser state, made once per test worker: signing in through the form
 * (the sign-in page, the password check, the redirect) cost each test about a second, and nearly
 * every test signs in. The session stays a real one in the database; a test that needs its own
 * session signs in itself.
 */
const signedInStates = new Map<RoleName, StorageState>();

/**
 * A page signed in as `role`, in its own browser context (own cookies), blank: each test opens
 * the page it starts on. The session is checked by a request, not by loading a page in the browser
 * (about 85 ms against 530 for /cases, and nearly every test begins this way).
 */
async function signedInPage(browser: Browser, role: RoleName): Promise<{ page: Page; context: BrowserContext }> {
  const known = signedInStates.get(role);
  const context = await browser.newContext(known ? { storageState: known } : {});
  const page = await context.newPage();
  // A session ended meanwhile (expired, or signed out by a test) is sent to /login: sign in again.
  if (known && (await context.request.get('/cases', { maxRedirects: 0 })).status() === 200) return { page, context };
  await signIn(page, USERS[role]);
  signedInStates.set(role, await context.storageState());
  await page.goto('about:blank');
  return { page, context };
}

/** A page signed in as each demo role, in its own browser context (own cookies). */
export const test = base.extend<{ monitorPage: Page; researcherPage: Page; adminPage: Page }>({
  monitorPage: async ({ browser }, use) => {
    const { page, context } = await signedInPage(browser, 'monitor');
    await use(page);
    await context.close();
  },
  researcherPage: async ({ browser }, use) => {
    const { page, context } = await signedInPage(browser, 'researcher');
    await use(page);
    await context.close();
  },
  adminPage: async ({ browser }, use) => {
    const { page, context } = await signedInPage(browser, 'admin');
    await use(page);
    await context.close();
  },
});

export { expect };

/** A name no other test uses, so tests can run against a shared database. */
export function uniqueName(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const NAMESPACES = readdirSync(path.join(__dirname, '../lib/i18n/messages/en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));
const RAW_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-zA-Z_]+(?:\\.[a-zA-Z_]+)*\\b`, 'g');

/**
 * Message keys shown instead of text ("locale.basis"): what next-intl prints when a client
 * component's namespace was not sent to the browser (lib/i18n/client-messages.ts).
 */
export async function rawMessageKeys(page: Page): Promise<string[]> {
  return [...new Set((await page.locator('body').innerText()).match(RAW_KEY) ?? [])];
}
