import { expect, type Page } from '@playwright/test';
import { TOTP } from 'otpauth';

/** /account/security as a user reads it; codes are computed here the way the phone's app would. */
export class AccountSecurityPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/account/security');
    await expect(this.page.getByRole('heading', { name: 'Account security' })).toBeVisible();
  }

  async startEnrolment(password: string) {
    await this.page.getByLabel('Your current password').fill(password);
    await this.page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  }

  /** The key shown for typing in, without its grouping spaces. */
  async manualKey(): Promise<string> {
    const text = await this.page.locator('#manual-key').textContent();
    return (text ?? '').replace(/\s+/g, '');
  }

  static codeFor(secret: string): string {
    return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate();
  }

  async confirm(code: string) {
    await this.page.getByLabel('6-digit code from the app').fill(code);
    await this.page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  }

  async recoveryCodes(): Promise<string[]> {
    const list = this.page.getByRole('region', { name: 'Your recovery codes' }).getByRole('listitem');
    await expect(list).toHaveCount(10);
    return list.allTextContents();
  }
}
