import { expect, type Locator, type Page } from '@playwright/test';

export class OptionsPage {
  readonly region: Locator;
  readonly clientId: Locator;
  readonly save: Locator;

  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {
    this.region = page.locator('#region');
    this.clientId = page.locator('#clientId');
    this.save = page.getByRole('button', { name: 'Save', exact: true });
  }

  async open(): Promise<this> {
    await this.page.goto(`chrome-extension://${this.extensionId}/src/options/index.html`);
    await expect(this.page.getByRole('heading', { name: 'Cuecard options' })).toBeVisible();
    // Stored values arrive asynchronously: typing before that would be overwritten.
    await expect(this.page.getByTestId('options-form')).toHaveAttribute('data-loaded', 'true');
    return this;
  }

  async fill(region: string, clientId: string): Promise<void> {
    await this.region.selectOption(region);
    await this.clientId.fill(clientId);
    await this.save.click();
  }
}

export class PopupPage {
  readonly status: Locator;
  readonly agent: Locator;

  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {
    this.status = page.getByTestId('popup-status');
    this.agent = page.getByTestId('popup-agent');
  }

  async open(): Promise<this> {
    await this.page.goto(`chrome-extension://${this.extensionId}/src/popup/index.html`);
    return this;
  }
}

/** The simulator's Genesys login page, shown by chrome.identity.launchWebAuthFlow in its own window. */
export class SimLoginPage {
  constructor(readonly page: Page) {}

  async chooseAgent(userId: string): Promise<void> {
    await this.page.locator(`[data-testid="login-user"][data-user-id="${userId}"]`).click();
  }
}
