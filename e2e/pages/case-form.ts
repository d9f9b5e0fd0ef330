import { expect, type Locator, type Page } from '@playwright/test';

export type SourceInput = { url: string; title?: string; publisher?: string };
export type DateInput = { on?: string; qualifier?: 'Exact' | 'On or before' | 'On or after' | 'Between' | 'Approximately' | 'Not stated'; to?: string; asReported?: string };
export type ChargeInput = {
  article?: string;
  part?: string;
  basis?: 'stated' | 'inferred';
  text?: string;
  outcome?: string;
  outcomeDate?: DateInput;
};
export type PenaltyInput = { kind?: string; amount?: string; unit?: string; asReported?: string; replacedBy?: string };
export type EventInput = { kind?: string; date?: DateInput; city?: string; placeDetail?: string; note?: string; source?: string };

/** The detention form, located by its visible labels and group names as a monitor reads them. */
export class CaseFormPage {
  constructor(readonly page: Page) {}

  async openNew() {
    await this.page.goto('/cases/new');
    await expect(this.page.getByRole('heading', { name: 'Record a detention' })).toBeVisible();
  }

  async fillActivist(name: string) {
    await this.page.getByLabel('Activist', { exact: true }).fill(name);
  }

  /** The city combobox (type any spelling, pick from the list). */
  city() {
    return this.page.getByRole('combobox', { name: 'City', exact: true });
  }

  /** The places the city combobox offers for what was typed. */
  cityOptions() {
    return this.page.getByRole('listbox', { name: 'Places matching what you typed' }).getByRole('option');
  }

  /**
   * Types `typed` (the display name unless given) into the city combobox and clicks the place
   * called `name`; without JavaScript the city is a plain select, and the option is chosen there.
   */
  async chooseCity(name: string, typed = name) {
    if ((await this.city().evaluate((el) => el.tagName)) === 'SELECT') return this.choosePrefixed(this.city(), name);
    await this.city().fill(typed);
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await this.cityOptions().filter({ hasText: new RegExp(`^${escaped}( |$)`) }).first().click();
    await expect(this.city()).toHaveValue(name);
  }

  async choosePlace(precision: 'Exact address' | 'City' | 'Region only' | 'Country only' | 'Not stated', region?: string) {
    await this.page.getByRole('combobox', { name: 'Place precision', exact: true }).selectOption({ label: precision });
    if (region) await this.page.getByRole('combobox', { name: 'Region', exact: true }).selectOption({ label: region });
  }

  /** Top-level text fields. */
  async fill(fields: Partial<Record<'Court' | 'Place detail' | 'Public notes' | 'Internal notes' | 'Reason for the change', string>>) {
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async choose(fields: Partial<Record<'Plea' | 'Confidentiality' | 'Election or event' | 'Review status', string>>) {
    for (const [label, value] of Object.entries(fields)) await this.page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: value });
  }

  /** A date field group by its legend: 'Date detained', 'Date sentenced', 'Outcome date of charge 1', 'Date of event 2'. */
  dateGroup(legend: string, within: Page | Locator = this.page) {
    return within.getByRole('group', { name: legend, exact: true });
  }

  async fillDate(legend: string, date: DateInput, within: Page | Locator = this.page) {
    const group = this.dateGroup(legend, within);
    if (date.qualifier) await group.getByLabel('How the source dates it').selectOption({ label: date.qualifier });
    if (date.on !== undefined) await group.getByLabel('Date', { exact: true }).fill(date.on);
    if (date.to !== undefined) await group.getByLabel('To (latest day)').fill(date.to);
    if (date.asReported !== undefined) await group.getByLabel('Date as reported').fill(date.asReported);
  }

  charge(n: number) {
    return this.page.getByRole('group', { name: `Charge ${n}`, exact: true });
  }

  /** Fills charge n (1-based), adding rows as needed. */
  async fillCharge(n: number, charge: ChargeInput) {
    while ((await this.charge(n).count()) === 0) await this.page.getByRole('button', { name: 'Add a charge' }).click();
    const row = this.charge(n);
    if (charge.article) await this.choosePrefixed(row.getByLabel('Article', { exact: true }), charge.article);
    if (charge.part !== undefined) await row.getByLabel('Part', { exact: true }).fill(charge.part);
    if (charge.basis) await row.getByLabel(charge.basis === 'stated' ? 'Stated by the source' : 'Inferred by the monitor').check();
    if (charge.text !== undefined) await row.getByLabel('Charge as reported').fill(charge.text);
    if (charge.outcome) await row.getByLabel('Outcome', { exact: true }).selectOption({ label: charge.outcome });
    if (charge.outcomeDate) await this.fillDate(`Outcome date of charge ${n}`, charge.outcomeDate, row);
  }

  penalty(charge: number, m: number) {
    return this.charge(charge).getByRole('group', { name: `Penalty ${m} of charge ${charge}`, exact: true });
  }

  async fillPenalty(charge: number, m: number, penalty: PenaltyInput) {
    while ((await this.penalty(charge, m).count()) === 0) await this.page.getByRole('button', { name: `Add a penalty to charge ${charge}` }).click();
    const row = this.penalty(charge, m);
    if (penalty.kind) await row.getByLabel('Penalty', { exact: true }).selectOption({ label: penalty.kind });
    if (penalty.amount !== undefined) await row.getByLabel('Amount').fill(penalty.amount);
    if (penalty.unit) await row.getByLabel('Unit or currency').selectOption({ label: penalty.unit });
    if (penalty.asReported !== undefined) await row.getByLabel('As reported').fill(penalty.asReported);
    if (penalty.replacedBy) await row.getByLabel('Replaced on appeal by').selectOption({ label: penalty.replacedBy });
  }

  event(n: number) {
    return this.page.getByRole('group', { name: `Event ${n}`, exact: true });
  }

  async fillEvent(n: number, event: EventInput) {
    while ((await this.event(n).count()) === 0) await this.page.getByRole('button', { name: 'Add an event' }).click();
    const row = this.event(n);
    if (event.kind) await row.getByLabel('What happened').selectOption({ label: event.kind });
    if (event.date) await this.fillDate(`Date of event ${n}`, event.date, row);
    if (event.city) await this.choosePrefixed(row.getByLabel('City of the event'), event.city);
    if (event.placeDetail !== undefined) await row.getByLabel('Where exactly').fill(event.placeDetail);
    if (event.note !== undefined) await row.getByLabel('Note on the event').fill(event.note);
    if (event.source) await this.choosePrefixed(row.getByLabel('Reported by'), event.source);
  }

  async fillSource(index: number, source: SourceInput) {
    const rows = await this.page.getByLabel('Source URL', { exact: true }).count();
    if (index >= rows) await this.page.getByRole('button', { name: 'Add another source' }).click();
    await this.page.getByLabel('Source URL', { exact: true }).nth(index).fill(source.url);
    if (source.title !== undefined) await this.page.getByLabel('Title', { exact: true }).nth(index).fill(source.title);
    if (source.publisher !== undefined) await this.page.getByLabel('Publisher', { exact: true }).nth(index).fill(source.publisher);
  }

  /** The duplicate warning shown while a new person's name is typed. */
  duplicates() {
    return this.page.getByRole('region', { name: 'Possible duplicates' });
  }

  /** One person the duplicate warning proposes, by their name on record. */
  duplicateCandidate(name: string) {
    return this.duplicates().getByRole('listitem', { name: `${name}, possibly the same person`, exact: true });
  }

  async answerSamePerson(name: string) {
    await this.duplicateCandidate(name).getByRole('button', { name: 'Same person — use them' }).click();
  }

  async answerDifferentPerson(name: string) {
    await this.duplicateCandidate(name).getByRole('button', { name: 'A different person' }).click();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  /** Picks the option whose label starts with `prefix` ("CoAO art. 488" → "CoAO art. 488 — Violation of …", "Source 1" → "Source 1: …"). */
  private async choosePrefixed(select: Locator, prefix: string) {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const label = await select.locator('option', { hasText: new RegExp(`^${escaped}([ :]|$)`) }).first().textContent();
    await select.selectOption({ label: label! });
  }
}
