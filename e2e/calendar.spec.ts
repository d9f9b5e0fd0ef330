import ICAL from 'ical.js';
import { CaseFormPage } from './pages/case-form';
import { expect, test, uniqueName } from './fixtures';

/** The calendar day in Almaty `days` from now, as the app counts "today". */
function almatyDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('a hearing entered through the form is on /calendar and in the secret .ics feed; the feed is refused without its secret and after revoking', async ({ monitorPage: page, researcherPage }) => {
  const person = uniqueName('Hearing Person');
  const hearingDay = almatyDay(3);
  const form = new CaseFormPage(page);
  await form.openNew();
  await form.fillActivist(person);
  await form.chooseCity('Almaty');
  await form.fillSource(0, { url: `https://news.example.org/${person.replace(/\s+/g, '-')}`, title: 'Hearing announced' });
  // The custody-event rows of the form, as the server reads them (events.N.*), so the test does not
  // depend on how the rows are laid out; N is high to stay clear of rows the form shows itself.
  await page.locator('form', { has: page.getByRole('button', { name: 'Save' }) }).evaluate((element, day) => {
    for (const [name, value] of Object.entries({ 'events.90.kind': 'hearing_scheduled', 'events.90.date.on': day, 'events.90.placeDetail': 'Medeu district court, room 7' })) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      element.appendChild(input);
    }
  }, hearingDay);
  await form.save();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const caseId = page.url().split('/').pop();

  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Hearing calendar' })).toBeVisible();
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Open the case of ${person}` }) });
  await expect(entry).toContainText('Hearing');
  await expect(entry).toContainText('Medeu district court, room 7');
  await expect(entry).toContainText('Almaty');
  await expect(entry.getByRole('link')).toHaveAttribute('href', `/cases/${caseId}`);
  // Listed under its day's heading.
  const dayHeading = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${hearingDay}T00:00:00Z`));
  await expect(page.getByRole('region', { name: dayHeading }).getByRole('link', { name: `Open the case of ${person}` })).toBeVisible();
  // Researchers see shareable hearings too.
  await researcherPage.goto('/calendar');
  await expect(researcherPage.getByRole('link', { name: `Open the case of ${person}` })).toBeVisible();

  // The feed: shown once, parsed by a real iCalendar parser.
  await page.getByRole('button', { name: /Create a feed address|Replace the feed address/ }).click();
  const field = page.getByLabel('Feed address');
  await expect(field).toHaveValue(/\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await field.inputValue();
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(feed.headers()['cache-control']).toContain('no-store');
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  const hearing = events.find((e) => e.summary === `Hearing: ${person} (Almaty)`);
  expect(hearing, 'the hearing is in the feed').toBeTruthy();
  expect(hearing!.startDate.isDate).toBe(true);
  expect(hearing!.startDate.toString()).toBe(hearingDay);
  expect(hearing!.uid).toMatch(/^hearing-\d+@127\.0\.0\.1:\d+$/);
  expect(hearing!.description).toContain(`/cases/${caseId}`);

  // Shown once: after a reload the address is nowhere on the page.
  await page.reload();
  await expect(page.getByLabel('Feed address')).toHaveCount(0);
  await expect(page.getByText(url)).toHaveCount(0);

  // Without its secret, or with a wrong one: 404, and a calendar app without cookies gets the same.
  const anonymous = researcherPage.request;
  for (const path of ['/calendar/feed', '/calendar/feed/', '/calendar/feed/x.ics', url.replace(/.{5}\.ics$/, 'AAAAA.ics')]) {
    expect((await anonymous.get(path)).status(), path).toBe(404);
  }
  expect((await anonymous.get(url)).status()).toBe(200);

  await page.getByRole('button', { name: 'Revoke the feed' }).click();
  await expect(page.getByRole('status')).toContainText('Feed revoked');
  expect((await anonymous.get(url)).status()).toBe(404);
});
