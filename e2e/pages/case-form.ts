import { expect, type Page } from '@playwright/test';

export type SourceInput = { url: string; title?: string; publisher?: string };

/** The detention form, located by its visible labels as a monitor reads them. */
export class CaseFormPage {
  constructor(readonly page: Page) {}

  async openNew() {
    await this.page.goto('/cases/new');
    await expect(this.page.getByRole('heading', { name: 'Record a detention' })).toBeVisible();
  }

  async fillActivist(name: string) {
    await this.page.getByLabel('Activist', { exact: true }).fill(name);
  }

  async chooseCity(name: string) {
    const select = this.page.getByRole('combobox', { name: 'City', exact: true });
    const label = await select.locator('option', { hasText: new RegExp(`^${name} \\(`) }).first().textContent();
    await select.selectOption({ label: label! });
  }

  async fill(fields: Partial<Record<'Date detained' | 'Charge as reported' | 'Date sentenced' | 'Sentence length or fine' | 'Court' | 'Place detail', string>>) {
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async choose(fields: Partial<Record<'Charge' | 'Sentence' | 'Unit' | 'Plea' | 'Status' | 'Confidentiality' | 'Election or event' | 'Review status', string>>) {
    for (const [label, value] of Object.entries(fields)) await this.page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: value });
  }

  async chooseCharge(legalBasis: string) {
    const select = this.page.getByRole('combobox', { name: 'Charge', exact: true });
    const label = await select.locator('option', { hasText: legalBasis }).first().textContent();
    await select.selectOption({ label: label! });
  }

  async fillSource(index: number, source: SourceInput) {
    const rows = await this.page.getByLabel('Source URL', { exact: true }).count();
    if (index >= rows) await this.page.getByRole('button', { name: 'Add another source' }).click();
    await this.page.getByLabel('Source URL', { exact: true }).nth(index).fill(source.url);
    if (source.title !== undefined) await this.page.getByLabel('Title', { exact: true }).nth(index).fill(source.title);
    if (source.publisher !== undefined) await this.page.getByLabel('Publisher', { exact: true }).nth(index).fill(source.publisher);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  errorFor(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }
}
