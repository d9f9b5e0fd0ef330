import { and, eq, gt, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { detentions, people, places } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique } from '@/lib/test/factories';
import { commitImport, previewImport } from './queries';

useTestDatabase();

let monitor: Actor;
beforeAll(async () => {
  monitor = await createActor('monitor');
});

async function preview(csv: string) {
  const result = await previewImport(monitor, 'cases.csv', csv);
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

const placeIdOf = async (name: string) => (await db.select({ id: places.id }).from(places).where(eq(places.name, name)))[0].id;

describe('import: cities by any spelling', () => {
  it('maps every variant and declined form to its place, and says which places an ambiguous name could be', async () => {
    const tag = unique('Places').replace(/\d/g, 'p');
    const url = `https://news.example.org/${tag}`;
    const csv =
      'activist,city,region,source_1_url,source_1_title\r\n' +
      `One ${tag},Нур-Султан,,${url}/1,One\r\n` +
      `Two ${tag},Uralsk,,${url}/2,Two\r\n` +
      `Three ${tag},Ақтөбе,,${url}/3,Three\r\n` +
      `Four ${tag},в Уральске,,${url}/4,Four\r\n` +
      `Five ${tag},Fedorovka,,${url}/5,Five\r\n` +
      `Six ${tag},Fedorovka,West Kazakhstan Region,${url}/6,Six\r\n` +
      `Seven ${tag},Nur,,${url}/7,Seven\r\n`;
    const checked = await preview(csv);
    expect(checked.rows.map((r) => r.errors)).toEqual([
      [],
      [],
      [],
      [],
      [
        {
          column: 'city',
          message: 'places.ambiguousImport',
          params: { options: 'Fedorovka (West Kazakhstan Region); Fyodorovka (Kostanay Region)' },
        },
      ],
      [],
      // A part of a name is not a name: the form's combobox offers Astana for "Nur", an import doesn't guess.
      [{ column: 'city', message: 'imports.errors.unknownCity' }],
    ]);

    expect(await commitImport(monitor, checked.batchId, { skipInvalid: true })).toEqual({ ok: true, imported: 5, skipped: 2 });
    const imported = await db
      .select({ name: people.displayName, placeId: detentions.placeId })
      .from(detentions)
      .innerJoin(people, eq(people.id, detentions.personId))
      .where(and(gt(detentions.id, 0), like(people.displayName, `%${tag}`)));
    const placeOf = Object.fromEntries(imported.map((r) => [r.name.split(' ')[0], r.placeId]));
    expect(placeOf).toEqual({
      One: await placeIdOf('Astana'),
      Two: await placeIdOf('Oral'),
      Three: await placeIdOf('Aktobe'),
      Four: await placeIdOf('Oral'),
      Six: await placeIdOf('Fedorovka'),
    });
  });
});
