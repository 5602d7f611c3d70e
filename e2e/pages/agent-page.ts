import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The Genesys agent page's own regions (the simulator's imitation keeps their ids stable). */
export const HOST_REGIONS = ['#gc-topbar', '#gc-nav', '#gc-main', '#gc-toolbar'] as const;

/** The simulated Genesys agent page with Cuecard's panel injected (open shadow root: locators pierce it). */
export class AgentPage {
  readonly panel: Locator;
  readonly status: Locator;
  readonly conversations: Locator;
  /** The expanded panel (the `aside` with the tabs); absent while collapsed. */
  readonly expanded: Locator;
  /** The slim tab the collapsed panel leaves on its edge. */
  readonly edgeTab: Locator;
  readonly tabList: Locator;
  readonly detail: Locator;
  readonly announcer: Locator;
  readonly hideButton: Locator;
  readonly moveButton: Locator;
  readonly resizeHandle: Locator;
  readonly settingsButton: Locator;
  /** The header's presence and routing status pills. */
  readonly presence: Locator;
  readonly routing: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('cuecard-root');
    this.status = this.panel.getByTestId('status');
    this.conversations = this.panel.getByTestId('conversation');
    this.expanded = this.panel.getByTestId('panel');
    this.edgeTab = this.panel.getByTestId('edge-tab');
    this.tabList = this.panel.getByRole('tablist');
    this.detail = this.panel.getByTestId('detail');
    this.announcer = this.panel.getByTestId('announcer');
    this.hideButton = this.panel.getByTestId('hide');
    this.moveButton = this.panel.getByTestId('move');
    this.resizeHandle = this.panel.getByTestId('resize');
    this.settingsButton = this.panel.getByTestId('settings-toggle');
    this.presence = this.panel.getByTestId('presence');
    this.routing = this.panel.getByTestId('routing');
  }

  async open(region = 'mypurecloud.com'): Promise<this> {
    await this.page.goto(`https://apps.${region}/`);
    await expect(this.panel.locator('aside')).toBeVisible();
    return this;
  }

  /** The panel's port to the worker is open (its message checks load just after first paint). */
  async linked(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-linked', 'true');
  }

  /** A conversation's tab. */
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

  async selectedId(): Promise<string | null> {
    return this.panel.locator('[role="tab"][aria-selected="true"]').getAttribute('data-conversation-id');
  }

  /** What has keyboard focus inside the panel's shadow root (its data-testid / conversation id / role). */
  async focusedInPanel(): Promise<{ testId?: string; conversationId?: string; role?: string } | null> {
    return this.page.evaluate(() => {
      const el = document.querySelector('cuecard-root')?.shadowRoot?.activeElement as HTMLElement | null;
      if (!el) return null;
      return {
        testId: el.dataset.testid,
        conversationId: el.dataset.conversationId,
        role: el.getAttribute('role') ?? undefined,
      };
    });
  }

  /** Selects a display option (theme-auto/light/dark, side-left/right) in the panel's settings. */
  async chooseDisplay(option: string): Promise<void> {
    if (!(await this.panel.getByTestId('display-settings').isVisible())) await this.settingsButton.click();
    await this.panel
      .getByTestId(`cc-${option.startsWith('theme') ? 'theme' : 'side'}-${option.split('-')[1]}`)
      .check();
  }

  /** Bounding boxes of the host page's own regions. */
  async hostBoxes(): Promise<Record<string, Box | null>> {
    const out: Record<string, Box | null> = {};
    for (const sel of HOST_REGIONS) out[sel] = await this.page.locator(sel).boundingBox();
    return out;
  }

  /** Every computed style property of <html> and <body>. */
  async hostRootStyles(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (const [name, el] of [
        ['html', document.documentElement],
        ['body', document.body],
      ] as const) {
        const cs = getComputedStyle(el);
        for (const p of Array.from(cs)) out[`${name} ${p}`] = cs.getPropertyValue(p);
      }
      return out;
    });
  }

  /** Keys the host page's own listeners (document and window) received since `recordHostKeys`. */
  async recordHostKeys(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __hostKeys: string[] };
      w.__hostKeys = [];
      document.addEventListener('keydown', (e) => w.__hostKeys.push(`document:${e.key}`));
      window.addEventListener('keyup', (e) => w.__hostKeys.push(`window:${e.key}`));
    });
  }

  async hostKeys(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __hostKeys: string[] }).__hostKeys);
  }
}
