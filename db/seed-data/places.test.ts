import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { placeNames, places, regions } from '@/db/schema';
import { seedReference } from '@/db/seed';
import { foldName } from '@/lib/names/fold';
import { useTestDatabase } from '@/lib/test/database';
import { DEMO_CASES } from './demo';
import { PLACES, REGIONS } from './places';

/** Spellings two places share on purpose: the import asks which one (and names the region). */
const SHARED_KEYS = new Set(['fedorovka']);

const spellings = (p: (typeof PLACES)[number]) => [p.name, p.nameKk, ...p.nameRu, ...p.latinVariants];

describe('the gazetteer data', () => {
  it('has the 17 regions and 3 cities of republican significance, each named in Kazakh and Russian', () => {
    expect(REGIONS.filter((r) => r.kind === 'region')).toHaveLength(17);
    expect(REGIONS.filter((r) => r.kind === 'city').map((r) => r.name).sort()).toEqual(['Almaty', 'Astana', 'Shymkent']);
    expect(new Set(REGIONS.map((r) => r.name)).size).toBe(REGIONS.length);
    for (const r of REGIONS) {
      expect(r.nameKk, r.name).toMatch(/\p{Script=Cyrillic}/u);
      expect(r.nameRu, r.name).toMatch(/\p{Script=Cyrillic}/u);
      expect(r.source, r.name).not.toBe('');
    }
    expect(REGIONS.map((r) => r.name)).toEqual(expect.arrayContaining(['Abai Region', 'Jetisu Region', 'Ulytau Region']));
  });

  it('puts every place in a region of that list, with its centre inside Kazakhstan and a source', () => {
    const known = new Set(REGIONS.map((r) => r.name));
    for (const p of PLACES) {
      expect(known, `${p.name}: ${p.region}`).toContain(p.region);
      expect(p.latitude, p.name).toBeGreaterThan(40.5);
      expect(p.latitude, p.name).toBeLessThan(55.5);
      expect(p.longitude, p.name).toBeGreaterThan(46.4);
      expect(p.longitude, p.name).toBeLessThan(87.4);
      expect(p.source, p.name).toMatch(/https:\/\/|GeoNames|iso-codes/);
      expect(p.nameKk, p.name).toMatch(/\p{Script=Cyrillic}/u);
      expect(p.nameRu.length, p.name).toBeGreaterThan(0);
    }
  });

  it('has every town with city status and the centres the 2022 reform made', () => {
    const towns = PLACES.filter((p) => p.kind !== 'district centre');
    expect(towns.length).toBeGreaterThanOrEqual(89);
    const centre = (name: string) => PLACES.find((p) => p.name === name)?.region;
    expect(centre('Konaev')).toBe('Almaty Region');
    expect(centre('Semey')).toBe('Abai Region');
    expect(centre('Taldykorgan')).toBe('Jetisu Region');
    expect(centre('Zhezkazgan')).toBe('Ulytau Region');
    // Every region and city of republican significance has its centre in the list.
    const withCentre = new Set(PLACES.filter((p) => p.kind !== 'town' && p.kind !== 'district centre').map((p) => p.region));
    expect([...withCentre].sort()).toEqual(REGIONS.map((r) => r.name).sort());
  });

  it('gives no two places the same name or, unless listed as shared, the same spelling', () => {
    expect(new Set(PLACES.map((p) => p.name)).size).toBe(PLACES.length);
    const owners = new Map<string, string[]>();
    for (const p of PLACES) for (const key of new Set(spellings(p).map(foldName))) owners.set(key, [...(owners.get(key) ?? []), p.name]);
    const shared = [...owners].filter(([key, names]) => names.length > 1 && !SHARED_KEYS.has(key));
    expect(shared).toEqual([]);
  });

  it('still has every city the demo records name', () => {
    for (const demo of DEMO_CASES) expect(PLACES.map((p) => p.name)).toContain(demo.city);
  });
});

describe('seedReference', () => {
  useTestDatabase();

  it('stores every region and place with all its spellings, and keeps ids when run again', async () => {
    const before = await db.select({ id: places.id, name: places.name }).from(places).where(inArray(places.name, ['Astana', 'Oskemen', 'Konaev']));
    await seedReference(db);
    const after = await db.select({ id: places.id, name: places.name }).from(places).where(inArray(places.name, ['Astana', 'Oskemen', 'Konaev']));
    expect(after.sort((a, b) => a.id - b.id)).toEqual(before.sort((a, b) => a.id - b.id));
    expect(after).toHaveLength(3);

    const regionRows = await db.select().from(regions);
    expect(regionRows).toHaveLength(REGIONS.length);
    expect(regionRows.find((r) => r.name === 'Ulytau Region')).toMatchObject({ nameKk: 'Ұлытау облысы', kind: 'region' });

    const placeRows = await db.select({ name: places.name, region: places.region }).from(places);
    expect(placeRows.length).toBeGreaterThanOrEqual(PLACES.length);
    const regionNames = new Set(regionRows.map((r) => r.name));
    for (const p of placeRows) expect(regionNames, p.name).toContain(p.region);

    const [oral] = await db.select({ id: places.id }).from(places).where(eq(places.name, 'Oral'));
    const oralNames = await db.select({ name: placeNames.name, key: placeNames.searchKey }).from(placeNames).where(eq(placeNames.placeId, oral.id));
    expect(oralNames.map((n) => n.name).sort()).toEqual(['Oral', 'Uralsk', 'Орал', 'Уральск']);
  });
});
