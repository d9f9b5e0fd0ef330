/**
 * Seeds the reference data every installation needs (gazetteer, charges, elections) and, with
 * --demo, the demo logins and the five records of the reference article. Idempotent: running it
 * again changes nothing that is already there.
 *
 * Run with the react-server condition (see package.json) because the demo records go through the
 * same server-only code path as the case form: validation, one transaction, revisions.
 */
import path from 'node:path';
import { count, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from './index';
import { charges, detentions, elections, mciValues, placeNames, places, regions, sources, users } from './schema';
import { DEMO_CASES, DEMO_USERS, REFERENCE_SOURCE } from './seed-data/demo';
import { PLACES, REGIONS } from './seed-data/places';
import { CHARGES, ELECTIONS, MAZHILIS_2021, MCI_VALUES } from './seed-data/vocabulary';
import { DEFAULT_WINDOW } from '../lib/filters/definition';

/**
 * The reference data, inserted or brought up to date. `gazetteer` and `electionList` are the
 * seed's own lists; tests pass a changed copy, as a later release of the seed would be.
 */
export async function seedReference(
  db: Db,
  { gazetteer = PLACES, electionList = ELECTIONS }: { gazetteer?: readonly (typeof PLACES)[number][]; electionList?: readonly (typeof elections.$inferInsert)[] } = {},
) {
  const { foldName } = await import('@/lib/names/fold');
  const { rebuildStats, withStatsUpdate } = await import('@/lib/dashboard/stats');
  await db.transaction(async (tx) => {
    for (const { name, nameKk, nameRu, kind } of REGIONS) {
      const values = { name, nameKk, nameRu, kind };
      await tx.insert(regions).values(values).onConflictDoUpdate({ target: regions.name, set: values });
    }
    // The dashboard's rollups count each detention under its city's region: a city the new gazetteer
    // puts in another region (Atasu, in Ulytau Region since 2022) moves its detentions with it, in
    // this transaction, as every other change of what the rollups count does.
    const known = new Map((await tx.select({ id: places.id, name: places.name, region: places.region }).from(places)).map((p) => [p.name, p]));
    const moved = gazetteer.flatMap((p) => {
      const before = known.get(p.name);
      return before && before.region !== p.region ? [before.id] : [];
    });
    const upsertPlace = async (place: (typeof PLACES)[number]) => {
      const values = {
        name: place.name,
        region: place.region,
        kind: place.kind,
        latitude: place.latitude,
        longitude: place.longitude,
        nameKk: place.nameKk,
        nameRu: place.nameRu[0],
        note: place.note ?? null,
      };
      const [row] = await tx
        .insert(places)
        .values(values)
        .onConflictDoUpdate({ target: places.name, set: values })
        .returning({ id: places.id });
      const names = [
        ...[place.name, ...place.latinVariants].map((name) => ({ name, script: 'latin' as const })),
        ...[place.nameKk, ...place.nameRu].map((name) => ({ name, script: 'cyrillic' as const })),
      ].filter((n, i, all) => all.findIndex((m) => m.name === n.name) === i);
      await tx.delete(placeNames).where(eq(placeNames.placeId, row.id));
      await tx.insert(placeNames).values(names.map((n) => ({ ...n, placeId: row.id, searchKey: foldName(n.name) })));
    };
    const upsertPlaces = async () => {
      for (const place of gazetteer) await upsertPlace(place);
    };
    if (moved.length === 0) await upsertPlaces();
    else await withStatsUpdate(tx, sql`d.place_id IN (${sql.join(moved.map((id) => sql`${id}`), sql`, `)})`, upsertPlaces);
    for (const charge of CHARGES) {
      await tx.insert(charges).values(charge).onConflictDoUpdate({ target: charges.slug, set: charge });
    }
    for (const mci of MCI_VALUES) {
      await tx.insert(mciValues).values(mci).onConflictDoUpdate({ target: mciValues.year, set: mci });
    }
    const seeded = new Set((await tx.select({ name: elections.name }).from(elections)).map((e) => e.name));
    // No record may change while a new election's window is counted: the records it counts are
    // locked as they match, and an edit moving one into the window meanwhile would be counted twice.
    if (electionList.some((e) => !seeded.has(e.name))) await tx.execute(sql`LOCK TABLE detentions IN SHARE MODE`);
    for (const election of electionList) {
      // Only the translations are refreshed: an existing election keeps its kind and date.
      const upsert = () =>
        tx.insert(elections).values(election).onConflictDoUpdate({ target: elections.name, set: { nameKk: election.nameKk, nameRu: election.nameRu } });
      if (seeded.has(election.name)) await upsert();
      // A new election opens a default window: the detentions it may hold are counted in it (window_people).
      else await withStatsUpdate(tx, mayFallInWindowOf(election.heldOn), upsert);
    }
  });
  // Installations seeded before the seed moved rollups with their cities (Atasu's move reached them
  // as a change of the place alone) count some detentions under the old region; window_people may
  // count windows a release has since moved (DEFAULT_WINDOW, an election's day): counted again.
  if ((await rollupsDisagreeWithPlaces(db)) || (await windowsDisagreeWithRecords(db))) await rebuildStats(db);
}

/**
 * Whether window_people's total for any election differs from the live detentions its default
 * window holds now (the dashboard's period rule, lib/filters/sql.ts). Two counts per election,
 * records placed on a day and the others, each an index range: about 0.4 s at 1M records (2.5 s
 * as one OR).
 */
async function windowsDisagreeWithRecords(db: Db): Promise<boolean> {
  const { placedInPeriod, ROLLUP_TABLE, undatedInPeriod } = await import('@/lib/filters/sql');
  const { ELECTION_DEFAULT_WINDOW: window } = await import('@/lib/dashboard/stats');
  const live = (condition: SQL) => sql`(SELECT count(*) FROM detentions t WHERE t.deleted_at IS NULL AND ${condition})`;
  const [row] = rowsOf<{ stale: boolean }>(
    await db.execute(sql`SELECT EXISTS (SELECT 1 FROM elections e
      WHERE (SELECT coalesce(sum(w.detentions), 0) FROM window_people w WHERE w.election_id = e.id AND w.with_restricted)
        <> ${live(placedInPeriod(ROLLUP_TABLE, window))} + ${live(undatedInPeriod(ROLLUP_TABLE, window))}) AS stale`),
  );
  return row.stale;
}

/** The detentions an election held on `heldOn` may count in its default window: those of its days, and every one not placed on a day. */
function mayFallInWindowOf(heldOn: string) {
  return sql`(d.detained_on IS NULL OR d.detained_on BETWEEN ${heldOn}::date - ${DEFAULT_WINDOW.before}::int AND ${heldOn}::date + ${DEFAULT_WINDOW.after}::int)`;
}

/** Whether any rollup counts a city's detentions under a region other than the city's own. */
async function rollupsDisagreeWithPlaces(db: Db): Promise<boolean> {
  const stale = (table: string) => sql`EXISTS (SELECT 1 FROM ${sql.raw(table)} s JOIN places p ON p.id = s.place_id WHERE s.region IS DISTINCT FROM p.region)`;
  const [row] = rowsOf<{ stale: boolean }>(
    await db.execute(sql`SELECT (${stale('detention_stats')} OR ${stale('charge_stats')} OR ${stale('penalty_stats')} OR ${stale('day_detention_stats')}) AS stale`),
  );
  return row.stale;
}

export async function seedDemo(db: Db) {
  const { hashPassword } = await import('@/lib/auth/password');
  const { caseInput } = await import('@/lib/cases/schema');
  const { createCase } = await import('@/lib/cases/queries');

  for (const user of DEMO_USERS) {
    await db
      .insert(users)
      .values({ email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) })
      .onConflictDoNothing();
  }

  const [already] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, REFERENCE_SOURCE.url));
  if (already) return;

  const [monitor] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'monitor@example.org'));
  const placeIds = new Map((await db.select({ id: places.id, name: places.name }).from(places)).map((p) => [p.name, p.id]));
  const chargeIds = new Map((await db.select({ id: charges.id, slug: charges.slug }).from(charges)).map((c) => [c.slug, c.id]));
  const [election] = await db.select({ id: elections.id }).from(elections).where(eq(elections.name, MAZHILIS_2021));

  for (const demo of DEMO_CASES) {
    const input = caseInput.parse({
      personName: demo.person,
      personRole: demo.personRole,
      placePrecision: demo.placeDetail ? 'address' : 'city',
      placeId: String(placeIds.get(demo.city)),
      placeDetail: demo.placeDetail ?? '',
      detained: demo.detained,
      electionId: String(election.id),
      charges: [
        {
          chargeId: String(chargeIds.get(demo.charge)),
          basisOrigin: 'inferred',
          chargeText: demo.chargeText,
          outcome: demo.outcome,
          outcomeDate: demo.sentenced ? { on: demo.sentenced.on, asReported: demo.sentenced.asReported } : {},
          penalties: demo.arrestDays
            ? [{ kind: 'administrative_arrest', amount: demo.arrestDays.amount, unit: 'days', asReported: demo.arrestDays.asReported }]
            : [],
        },
      ],
      court: demo.court ?? '',
      sentenced: demo.sentenced ?? {},
      plea: demo.plea,
      events: demo.events?.map(({ kind, ...date }) => ({ kind, date })) ?? [],
      notes: '',
      confidentiality: 'shareable',
      reviewStatus: 'verified',
      sources: [
        {
          sourceId: '',
          url: REFERENCE_SOURCE.url,
          title: REFERENCE_SOURCE.title,
          publisher: REFERENCE_SOURCE.publisher,
          publishedOn: REFERENCE_SOURCE.publishedOn,
          language: REFERENCE_SOURCE.language,
          locator: demo.locator,
          supports: demo.supports,
        },
      ],
      reason: 'Demo data from the reference article',
    });
    const result = await createCase({ id: monitor.id, role: 'monitor' }, input);
    if (!result.ok) throw new Error(`Demo record for ${demo.person} was refused: ${JSON.stringify(result)}`);
  }
}

async function main() {
  const { connection, closeDb } = await import('./index');
  const { db, driver: dbDriver } = connection();
  const demo = process.argv.includes('--demo');
  await seedReference(db);
  if (demo) await seedDemo(db);
  const [{ n }] = await db.select({ n: count() }).from(detentions);
  await closeDb();
  console.log(`Seeded reference data${demo ? ' and demo data' : ''} (${dbDriver}); ${n} detentions in the database.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error) => {
    console.error('Seeding failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
