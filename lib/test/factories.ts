/** Records for integration tests, each made unique so tests never depend on one another. */
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { charges, places, users, type UserRole } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { caseInput, type CaseInput } from '@/lib/cases/schema';

let counter = 0;
/**
 * `prefix` plus a tag of letters only. The name matcher ignores digits, so a tag of digits made
 * two test people "the same name" often enough to reorder search results between test files.
 */
export function unique(prefix: string) {
  counter += 1;
  return `${prefix} ${letters(process.pid)}x${letters(counter)}x${randomLetters(8)}`;
}

function letters(n: number) {
  return n.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]);
}

function randomLetters(length: number) {
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

export async function createActor(role: UserRole): Promise<Actor> {
  const email = `${unique(role).replace(/\s+/g, '-')}@example.org`;
  const [row] = await db
    .insert(users)
    .values({ email, name: `Test ${role}`, role, passwordHash: 'not-used-in-these-tests' })
    .returning({ id: users.id });
  return { id: row.id, role };
}

export async function placeId(name: string): Promise<number> {
  const [row] = await db.select({ id: places.id }).from(places).where(eq(places.name, name));
  return row.id;
}

export async function chargeId(slug: string): Promise<number> {
  const [row] = await db.select({ id: charges.id }).from(charges).where(eq(charges.slug, slug));
  return row.id;
}

/** The raw form fields of a valid detention; override any of them. */
export async function caseForm(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    personName: unique('Test Activist'),
    placeId: String(await placeId('Aktobe')),
    detained: { on: '2021-01-04' },
    sentenced: { on: '2021-01-06' },
    charges: [
      {
        chargeId: String(await chargeId('coao-488')),
        basisOrigin: 'inferred',
        chargeText: 'violating regulations for public events',
        outcome: 'convicted',
        outcomeDate: { on: '2021-01-06' },
        penalties: [{ kind: 'administrative_arrest', amount: '7', unit: 'days' }],
      },
    ],
    plea: 'not_guilty',
    confidentiality: 'shareable',
    reviewStatus: 'draft',
    sources: [{ url: `https://news.example.org/${unique('a').replace(/\s+/g, '-')}`, title: 'A report' }],
    ...overrides,
  };
}

export async function validCase(overrides: Record<string, unknown> = {}): Promise<CaseInput> {
  return caseInput.parse(await caseForm(overrides));
}
