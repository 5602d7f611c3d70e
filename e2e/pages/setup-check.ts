import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import type { SetupCheckId, SetupCheckStatus } from '../../src/shared/setup/check-result';
import { SimLoginPage } from './extension-pages';

/** The options page's "Check setup" section. */
export class SetupCheckSection {
  readonly section: Locator;
  constructor(readonly page: Page) {
    this.section = page.getByTestId('setup-check');
  }

  check(id: SetupCheckId): Locator {
    return this.section.getByTestId(`setup-check-${id}`);
  }

  reason(id: SetupCheckId): Locator {
    return this.section.getByTestId(`setup-check-${id}-reason`);
  }

  /**
   * Clicks "Check setup"; when `signInAs` is given, the check's own Genesys login window opens and
   * that user is picked (with a login session alive, Genesys signs in without showing it).
   */
  async run(context: BrowserContext, signInAs?: string): Promise<void> {
    const run = this.section.getByTestId('setup-check-run');
    if (signInAs) {
      const [login] = await Promise.all([context.waitForEvent('page'), run.click()]);
      await new SimLoginPage(login).chooseAgent(signInAs);
    } else await run.click();
    await expect(this.section.getByTestId('setup-check-summary')).toBeVisible({ timeout: 20_000 });
  }

  async expectStatuses(expected: Partial<Record<SetupCheckId, SetupCheckStatus>>): Promise<void> {
    for (const [id, status] of Object.entries(expected))
      await expect(this.check(id as SetupCheckId)).toHaveAttribute('data-status', status);
  }
}
