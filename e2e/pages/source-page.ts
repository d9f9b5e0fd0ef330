import { expect, type Locator, type Page } from '@playwright/test';

/** A source's page and its "Captures" section, as a monitor reads it. */
export class SourcePage {
  constructor(readonly page: Page) {}

  captures(): Locator {
    return this.page.getByRole('region', { name: 'Captures' });
  }

  /** The captures listed, newest first (each headed "Capture <id> · <time> UTC"). */
  captureItems(): Locator {
    return this.captures().getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: /^Capture \d+ · / }) });
  }

  /** Reloads until at least `count` captures are listed: fetches run just after the save, not during it. */
  async waitForCaptures(count = 1, timeout = 45_000) {
    await expect(async () => {
      await this.page.reload();
      expect(await this.captureItems().count()).toBeGreaterThanOrEqual(count);
    }).toPass({ timeout, intervals: [500, 1000, 2000] });
  }

  captureAgainButton(): Locator {
    return this.page.getByRole('button', { name: 'Capture again' });
  }

  uploadInput(): Locator {
    return this.page.getByLabel('File (PDF, HTML, PNG, JPEG or text)');
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.uploadInput().setInputFiles(file);
    await this.page.getByRole('button', { name: 'Upload', exact: true }).click();
  }
}
