import { expect, type Locator, type Page } from '@playwright/test';

/** The simulated Genesys agent page with Cuecard's panel injected (open shadow root: locators pierce it). */
export class AgentPage {
  readonly panel: Locator;
  readonly status: Locator;
  readonly conversations: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('cuecard-root');
    this.status = this.panel.getByTestId('status');
    this.conversations = this.panel.getByTestId('conversation');
  }

  async open(region = 'mypurecloud.com'): Promise<this> {
    await this.page.goto(`https://apps.${region}/`);
    await expect(this.panel.locator('aside')).toBeVisible();
    return this;
  }

  conversation(id: string): Locator {
    return this.panel.locator(`[data-testid="conversation"][data-conversation-id="${id}"]`);
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', status);
  }

  /** The ids the panel shows, in order. */
  async shownIds(): Promise<string[]> {
    return this.conversations.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-conversation-id') ?? ''),
    );
  }
}
