import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

/** A day `days` from today, as the form takes it. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('a detention recorded as the source says it: region only, two charges with parts, fines in USD and MCI, an "on or before" date, a hearing ahead and a release', async ({
  monitorPage: page,
}) => {
  const name = uniqueName('Model Person');
  const hearing = dayFromToday(10);
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.choosePlace('Region only', 'Almaty Region');
  await expect(page.getByRole('combobox', { name: 'City', exact: true })).toHaveCount(0);
  await form.fillDate('Date detained', { qualifier: 'On or before', on: '2024-03-18', asReported: 'became known on the evening of Monday 18 March' });
  await form.fillCharge(1, { article: 'CoAO art. 488', part: '3', basis: 'stated', text: 'Article 488, section 3', outcome: 'Convicted', outcomeDate: { on: '2024-03-20' } });
  await form.fillPenalty(1, 1, { kind: 'Fine', amount: '135', unit: 'USD', asReported: 'about $135' });
  // The unit list follows the kind: a fine is a currency or MCI, never days.
  await expect(form.penalty(1, 1).getByLabel('Unit or currency').locator('option', { hasText: 'days' })).toHaveCount(0);
  await form.fillPenalty(1, 2, { kind: 'Fine', amount: '30', unit: 'MCI (monthly calculation index)', asReported: '30 MCI' });
  await form.fillCharge(2, { article: 'CoAO art. 489', part: '1', basis: 'inferred', text: 'taking part in an unauthorised group', outcome: 'Dropped' });
  await form.fillDate('Date sentenced', { on: '2024-03-20' });
  await form.fillSource(0, { url: `https://news.example.org/${name.replace(/\W+/g, '-')}`, title: 'Model report' });
  await form.fillEvent(1, { kind: 'Hearing scheduled', date: { on: hearing }, city: 'Almaty', note: 'appeal hearing', source: 'Source 1' });
  await form.fillEvent(2, { kind: 'Released', date: { on: '2024-03-25' } });
  await form.save();

  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { name: `Detention of ${name}` })).toBeVisible();
  const facts = page.locator('dl.facts').first();
  // Region only, said plainly; no city guessed.
  await expect(facts).toContainText('Almaty Region (Region only)');
  await expect(facts).toContainText('on or before 2024-03-18');
  await expect(facts).toContainText('as reported: “became known on the evening of Monday 18 March”');

  const charges = page.getByRole('region', { name: 'Charges' });
  const [first, second] = [charges.getByRole('listitem').filter({ hasText: 'CoAO art. 488(3)' }), charges.getByRole('listitem').filter({ hasText: 'CoAO art. 489(1)' })];
  await expect(first.first()).toContainText('stated by the source');
  await expect(first.first()).not.toContainText('inferred by the monitor');
  await expect(first.first()).toContainText('As reported: “Article 488, section 3”');
  await expect(first.first()).toContainText('Outcome: Convicted, 2024-03-20');
  await expect(first.first()).toContainText('Fine, 135 USD');
  await expect(first.first()).toContainText('as reported: “about $135”');
  await expect(first.first()).toContainText('Fine, 30 MCI');
  // 30 × 3,692 ₸ (the 2024 MCI), labelled as computed.
  await expect(first.first()).toContainText('(computed: 110,760 KZT at the 2024 MCI value)');
  await expect(second.first()).toContainText('inferred by the monitor');
  await expect(second.first()).not.toContainText('stated by the source');
  await expect(second.first()).toContainText('Outcome: Dropped');
  await expect(second.first()).not.toContainText('Fine');

  const timeline = page.getByRole('list', { name: 'Custody timeline' }).getByRole('listitem');
  await expect(timeline).toHaveCount(3);
  await expect(timeline.nth(0)).toContainText('Detained — on or before 2024-03-18');
  await expect(timeline.nth(1)).toContainText('Released — 2024-03-25');
  await expect(timeline.nth(2)).toContainText(`Hearing scheduled — ${hearing}`);
  await expect(timeline.nth(2)).toContainText('appeal hearing');
  const summary = page.getByRole('region', { name: 'Custody' });
  await expect(summary).toContainText('Status today');
  await expect(summary).toContainText('Released');
  await expect(summary).toContainText(`Next hearing${hearing}`);

  // The list says the same in its columns.
  await page.goto(`/cases?q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Almaty Region (Region only)');
  await expect(row).toContainText('on or before 2024-03-18');
  await expect(row).toContainText('CoAO art. 488(3) stated');
  await expect(row).toContainText('CoAO art. 489(1) inferred');
  await expect(row).toContainText('Dropped');
  await expect(row).toContainText('Released');
  // …and the "place not stated" and "date uncertain" filters find it.
  await page.goto(`/cases?q=${encodeURIComponent(name)}&place=not_stated&dated=uncertain&outcome=dropped&penalty=fine&custody=released`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(1);
  await page.goto(`/cases?q=${encodeURIComponent(name)}&custody=held`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  // The export says exactly that: nested JSON…
  const exported = async () => {
    const response = await page.request.get(`/cases/export?format=json&q=${encodeURIComponent(name)}`);
    expect(response.status()).toBe(200);
    return (await response.json()).detentions as (Record<string, unknown> & { id: number; link: string })[];
  };
  const [record] = await exported();
  expect(record).toMatchObject({
    place_precision: 'region',
    city: null,
    region: 'Almaty Region',
    detained: { earliest: null, latest: '2024-03-18', qualifier: 'on_or_before', as_reported: 'became known on the evening of Monday 18 March' },
    charges: [
      {
        legal_basis: 'CoAO art. 488', part: '3', basis_origin: 'stated', outcome: 'convicted',
        penalties: [
          { kind: 'fine', amount: 135, unit: 'USD', as_reported: 'about $135' },
          { kind: 'fine', amount: 30, unit: 'MCI', as_reported: '30 MCI' },
        ],
      },
      { legal_basis: 'CoAO art. 489', part: '1', basis_origin: 'inferred', outcome: 'dropped', penalties: [] },
    ],
    events: [
      { kind: 'hearing_scheduled', date: { earliest: hearing, latest: hearing }, note: 'appeal hearing' },
      { kind: 'released', date: { earliest: '2024-03-25', latest: '2024-03-25' } },
    ],
  });
  // …and the CSV, whose columns say stated or inferred; imported again, it gives the same record.
  const csv = await page.request.get(`/cases/export?format=csv&q=${encodeURIComponent(name)}`);
  const csvText = (await csv.body()).toString('utf8');
  expect(csvText.split('\r\n')[0]).toContain('charge_2_basis_origin');
  await page.goto('/cases/import');
  await page.getByLabel('CSV file').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(csvText, 'utf8') });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('1 row: 1 ready, no problems.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1 detention.');
  const both = await exported();
  expect(both).toHaveLength(2);
  const strip = ({ id: _id, link: _link, ...rest }: Record<string, unknown> & { id: number; link: string }) => rest;
  expect(strip(both[1])).toEqual(strip(both[0]));

  // The dashboard counts it where it belongs: no city, both charges with their parts, fines per currency.
  await page.goto('/dashboard?all=1&region=Almaty+Region&place=not_stated&outcome=dropped');
  await expect(page.getByRole('figure', { name: 'Ranked by city' })).toContainText('Place not stated (no city)');
  const chargePanel = page.getByRole('figure', { name: 'Charges by article and part' });
  await chargePanel.getByText('Data table').click();
  await expect(chargePanel.getByRole('row', { name: /CoAO art\. 488\(3\)/ })).toContainText('stated');
  await expect(chargePanel.getByRole('row', { name: /CoAO art\. 489\(1\)/ })).toContainText('inferred');
  const money = page.getByRole('group', { name: 'Money: fines by currency' });
  await expect(money).toContainText('USD');
  await expect(money).toContainText('MCI');
});

test('the edit form shows the stored charges, penalties, dates and events, and saving it unchanged changes nothing', async ({ monitorPage: page }) => {
  const name = uniqueName('Edit Model');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.choosePlace('Not stated');
  await form.fillDate('Date detained', { qualifier: 'Between', on: '2023-06-01', to: '2023-06-10' });
  await form.fillCharge(1, { article: 'CoAO art. 488', part: '3', basis: 'stated', outcome: 'Convicted' });
  await form.fillPenalty(1, 1, { kind: 'Administrative arrest', amount: '10', unit: 'days' });
  await form.fillPenalty(1, 2, { kind: 'Fine', amount: '50', unit: 'MCI (monthly calculation index)' });
  await form.fillPenalty(1, 1, { replacedBy: 'Penalty 2 of charge 1' });
  await form.fillEvent(1, { kind: 'Whereabouts unknown', date: { on: '2023-06-11', qualifier: 'Approximately' } });
  await form.fillSource(0, { url: `https://news.example.org/${name.replace(/\W+/g, '-')}`, title: 'Edit report' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const detail = page.url();
  await expect(page.getByText('Administrative arrest, 10 days').locator('xpath=ancestor-or-self::del')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Charges' })).toContainText('replaced on appeal by Fine, 50 MCI');

  await page.goto(`${detail}/edit`);
  await expect(page.getByRole('combobox', { name: 'Place precision' })).toHaveValue('not_stated');
  const detained = form.dateGroup('Date detained');
  await expect(detained.getByLabel('How the source dates it')).toHaveValue('between');
  await expect(detained.getByLabel('Date', { exact: true })).toHaveValue('2023-06-01');
  await expect(detained.getByLabel('To (latest day)')).toHaveValue('2023-06-10');
  await expect(form.charge(1).getByLabel('Part', { exact: true })).toHaveValue('3');
  await expect(form.charge(1).getByLabel('Stated by the source')).toBeChecked();
  await expect(form.penalty(1, 1).getByLabel('Replaced on appeal by')).toHaveValue('2');
  await expect(form.penalty(1, 2).getByLabel('Unit or currency')).toHaveValue('MCI');
  await expect(form.event(1).getByLabel('What happened')).toHaveValue('whereabouts_unknown');
  await expect(form.dateGroup('Date of event 1').getByLabel('How the source dates it')).toHaveValue('approximately');
  await form.save();
  await expect(page).toHaveURL(detail);
  // The history records no change of charges or events: the form gave back exactly what was stored.
  await expect(page.getByRole('region', { name: 'History' })).not.toContainText('charges');
});

test('without JavaScript the form still records one charge, one penalty and one event', async ({ monitorPage, browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await monitorPage.context().storageState() });
  const page = await context.newPage();
  const name = uniqueName('No Script');
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(name);
  await form.chooseCity('Taraz');
  await form.dateGroup('Date detained').getByLabel('Date', { exact: true }).fill('2022-01-05');
  const charge = form.charge(1);
  await charge.getByLabel('Charge as reported').fill('mass unrest');
  await charge.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Convicted' });
  await form.fillPenalty(1, 1, { kind: 'Imprisonment', amount: '5', unit: 'years' });
  await form.fillEvent(1, { kind: 'Transferred', date: { on: '2022-02-01' }, placeDetail: 'pre-trial detention centre' });
  await page.getByLabel('Source URL', { exact: true }).fill('https://news.example.org/no-script');
  await page.getByLabel('Title', { exact: true }).fill('No script report');
  // Refused first (an amount without a unit), with everything kept, then saved.
  await form.penalty(1, 1).getByLabel('Unit or currency').selectOption({ label: 'None' });
  await form.save();
  await expect(form.penalty(1, 1).getByLabel('Unit or currency')).toHaveAccessibleDescription(/Choose the unit or currency/);
  await expect(charge.getByLabel('Charge as reported')).toHaveValue('mass unrest');
  await expect(form.event(1).getByLabel('Where exactly')).toHaveValue('pre-trial detention centre');
  await form.penalty(1, 1).getByLabel('Unit or currency').selectOption({ label: 'years' });
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('region', { name: 'Charges' })).toContainText('Imprisonment, 5 years');
  await expect(page.getByRole('list', { name: 'Custody timeline' })).toContainText('Transferred — 2022-02-01');
  await context.close();
});
