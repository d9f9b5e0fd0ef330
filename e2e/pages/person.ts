import { expect, type Locator, type Page } from '@playwright/test';

/** A person's page and the duplicate review page, as a monitor reads them. */
export class PersonPage {
  constructor(readonly page: Page) {}

  async open(id: number) {
    await this.page.goto(`/people/${id}`);
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** What the page says about the person (facts and detentions), to compare before and after. */
  async snapshot() {
    return {
      name: await this.heading.textContent(),
      facts: await this.page.locator('dl.facts').first().innerText(),
      detentions: await this.page.getByRole('table').innerText(),
    };
  }

  get banner() {
    return this.page.getByRole('status').filter({ hasText: 'was merged into' });
  }

  duplicate(name: string): Locator {
    return this.page.getByRole('region', { name: 'Possible duplicates' }).getByRole('article').filter({ has: this.page.getByRole('heading', { name }) });
  }

  get decisions() {
    return this.page.getByRole('region', { name: 'Decisions about this person' });
  }

  /** Edits the person through their edit form. */
  async edit(id: number, fields: Partial<Record<'Other spellings' | 'Affiliation' | 'Restricted notes', string>>) {
    await this.page.goto(`/people/${id}/edit`);
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.page).toHaveURL(new RegExp(`/people/${id}$`));
  }
}

export class ReviewPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/people/review');
    await expect(this.page.getByRole('heading', { name: 'Possible duplicate people' })).toBeVisible();
  }

  /** The pair's section, on whichever page of the list it is. */
  async findPair(first: string, second: string): Promise<Locator | null> {
    for (;;) {
      const pair = this.page.getByRole('region', { name: `${first} and ${second}` });
      if (await pair.count()) return pair;
      const next = this.page.getByRole('link', { name: 'Next page' });
      if (!(await next.count())) return null;
      await next.click();
    }
  }
}
