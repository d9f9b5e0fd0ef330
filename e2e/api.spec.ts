import { expect, test, uniqueName } from './fixtures';

test('an admin creates an API token, shown once; a partner reads with it; revoked, it stops working', async ({ adminPage: page, researcherPage }) => {
  const name = uniqueName('Partner NGO');
  await page.goto('/cases');
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('Name (who uses it)').fill(name);
  await page.getByRole('button', { name: 'Create a token' }).click();
  const field = page.getByLabel('New token');
  await expect(field).toHaveValue(/^ctk_/);
  const token = await field.inputValue();

  const api = page.request;
  const list = await api.get('/api/v1/detentions?q=Serikbaev', { headers: { Authorization: `Bearer ${token}` } });
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(new Set(body.data.map((d: { activist: string }) => d.activist))).toEqual(new Set(['Ghadilbek Serikbaev']));
  expect(body.data[0].sources[0].url).toContain('rferl.org');
  const demo = body.data.find((d: { sources: { url: string }[] }) => d.sources[0].url.includes('31036601'));
  // The nested model: place precision, date intervals, charges with their basis and penalties, events, custody, public notes.
  expect(demo).toMatchObject({
    // The article names the clinic where he was detained: an address, in Astana.
    place_precision: 'address',
    city: 'Astana',
    detained: { earliest: '2021-01-06', latest: '2021-01-06', qualifier: 'exact' },
    charges: [{ legal_basis: 'CoAO art. 488', vocabulary: 'coao-488', basis_origin: 'inferred', outcome: 'convicted', penalties: [{ kind: 'administrative_arrest', amount: 15, unit: 'days' }] }],
    events: [],
    custody: { from: '2021-01-06', expected_release_on: '2021-01-21' },
  });
  expect(demo).toHaveProperty('public_notes');
  expect(demo).not.toHaveProperty('internal_notes');
  const one = await api.get(`/api/v1/detentions/${body.data[0].id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect((await one.json()).data.id).toBe(body.data[0].id);
  expect((await api.get('/api/v1/detentions/not-an-id', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(404);
  expect((await api.get('/api/v1/detentions')).status()).toBe(401);

  // Shown once: after a reload the token is nowhere on the page.
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
  expect((await api.get('/api/v1/detentions', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);

  expect((await researcherPage.goto('/admin/tokens'))?.status()).toBe(403);
});

// Security regression (session 25): route handlers get no `no-store` from Next.js, and the pickers'
// answers (people on record, with their detentions) stayed in the browser's disk cache.
test("the pickers' lookups are never kept by a cache, whether answered or refused", async ({ monitorPage, request }) => {
  for (const url of ['/api/lookup/people?q=Ser', '/api/lookup/people/likely?q=Serikbaev', '/api/lookup/sources?q=rferl']) {
    const answered = await monitorPage.request.get(url);
    expect(answered.status(), url).toBe(200);
    expect(answered.headers()['cache-control'], url).toContain('no-store');
    const refused = await request.get(url);
    expect(refused.status(), url).toBe(401);
    expect(refused.headers()['cache-control'], url).toContain('no-store');
  }
});
