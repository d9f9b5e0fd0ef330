import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { createCase } from '@/lib/cases/queries';
import { listPeople } from '@/lib/people/list';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { listSources } from './list';
import { searchSources } from './queries';

useTestDatabase();

let monitor: Actor;
let researcher: Actor;

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
});

const slug = () => unique('x').replace(/\s+/g, '-');

async function recordCase(overrides: Record<string, unknown>) {
  const result = await createCase(monitor, await validCase(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

describe('the sources list (/sources)', () => {
  it('finds a source by an address with "_" (the picker used to drop it), and by publisher', async () => {
    const tag = slug();
    const url = `https://news.example.org/a_${tag}_b`;
    await recordCase({ sources: [{ url, title: `List probe ${tag}`, publisher: `Publisher ${tag}` }] });
    expect((await listSources(monitor, `a_${tag}_b`)).rows.map((r) => r.url)).toEqual([url]);
    expect((await listSources(monitor, `publisher ${tag}`)).rows.map((r) => r.url)).toEqual([url]);
    expect((await searchSources(monitor, `a_${tag}_`)).map((r) => r.url)).toEqual([url]);
    // "_" is a literal, not a wildcard: "a-<tag>" (a dash where the underscore is) matches nothing.
    expect((await listSources(monitor, `a-${tag}`)).rows).toEqual([]);
    expect(await searchSources(monitor, `a-${tag}`)).toEqual([]);
  });

  it('shows researchers only sources cited by a detention they may see, counting only those detentions', async () => {
    const tag = slug();
    const restrictedUrl = `https://news.example.org/restricted-${tag}`;
    const sharedUrl = `https://news.example.org/shared-${tag}`;
    await recordCase({ confidentiality: 'restricted', sources: [{ url: restrictedUrl, title: `Hidden ${tag}` }] });
    await recordCase({ confidentiality: 'restricted', sources: [{ url: sharedUrl, title: `Shared ${tag}` }] });
    await recordCase({ sources: [{ url: sharedUrl, title: `Shared ${tag}` }] });
    const seen = (await listSources(researcher, tag)).rows;
    expect(seen.map((r) => [r.url, r.citedBy])).toEqual([[sharedUrl, 1]]);
    const monitorSees = (await listSources(monitor, tag)).rows;
    expect(monitorSees.map((r) => [r.url, r.citedBy]).sort()).toEqual([
      [restrictedUrl, 1],
      [sharedUrl, 2],
    ]);
  });
});

describe('the people list (/people)', () => {
  it('finds a person by a spelling in another script and hides people researchers may not see', async () => {
    const tag = slug().replace(/[^a-z0-9]/gi, '');
    await recordCase({ personName: `Serikbaev Testperson${tag}` });
    await recordCase({ personName: `Hidden Testperson${tag}`, confidentiality: 'restricted' });
    const byMonitor = await listPeople(monitor, `testperson${tag}`);
    expect(byMonitor.rows.map((p) => p.displayName).sort()).toEqual([`Hidden Testperson${tag}`, `Serikbaev Testperson${tag}`]);
    const byResearcher = await listPeople(researcher, `testperson${tag}`);
    expect(byResearcher.rows.map((p) => [p.displayName, p.detentionCount])).toEqual([[`Serikbaev Testperson${tag}`, 1]]);
    expect((await listPeople(monitor, 'Серікбаев')).rows.some((p) => p.displayName === `Serikbaev Testperson${tag}`)).toBe(true);
  });
});
