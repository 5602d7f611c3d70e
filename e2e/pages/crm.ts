import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';

/** The CRM card of one conversation in the panel (the panel shows the selected conversation's). */
export class CrmCard {
  readonly root: Locator;
  constructor(panel: Locator, conversationId: string) {
    this.root = panel.locator(`[data-testid="crm-card"][data-conversation-id="${conversationId}"]`);
  }
  get(testId: string): Locator {
    return this.root.getByTestId(testId);
  }
  async expectStatus(status: 'loading' | 'found' | 'none' | 'error'): Promise<void> {
    await expect(this.root).toHaveAttribute('data-status', status);
  }
}

/**
 * Pre-approves a host permission the way an admin's earlier "Allow" would: chrome://extensions'
 * own API grants it, so the options page's `permissions.request` (on Save) succeeds without
 * Chrome's prompt, which Playwright cannot click.
 */
export async function preapproveHost(
  context: BrowserContext,
  extensionId: string,
  pattern: string,
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  await page.evaluate(
    ([id, p]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id, p),
    [extensionId, pattern] as const,
  );
  await page.close();
}

/** The CRM section of the options page. */
export class CrmOptions {
  readonly section: Locator;
  constructor(readonly page: Page) {
    this.section = page.getByTestId('crm-options');
  }
  async useDemoPreset(): Promise<void> {
    await this.section.getByTestId('crm-preset-demo').click();
    await expect(this.section.getByTestId('crmLookupUrl')).toHaveValue(/crm\.cuecard\.test/);
  }
  async save(): Promise<void> {
    await this.section.getByTestId('crm-save').click();
    await expect(this.section.getByTestId('crm-saved')).toBeVisible();
  }
}

/** What an admin does for the demo CRM: options page → "Use the demo CRM preset" → Save (and allow the host). */
export async function configureDemoCrm(
  context: BrowserContext,
  extensionId: string,
  edit?: (o: CrmOptions) => Promise<void>,
): Promise<void> {
  await preapproveHost(context, extensionId, 'https://crm.cuecard.test/*');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const crm = new CrmOptions(page);
  await crm.useDemoPreset();
  await edit?.(crm);
  await crm.save();
  await expect(crm.section.getByTestId('crm-permission-missing')).toHaveCount(0);
  await page.close();
}
