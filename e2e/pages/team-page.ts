import { expect, type Locator, type Page } from '@playwright/test';
import type { Sim } from '../../sim/index';

/** One member of one queue, as the team page shows it or as the simulator knows it. */
export interface RosterEntry {
  queueId: string;
  userId: string;
  presence: string;
  routing: string;
  joined: boolean;
}

const key = (e: RosterEntry) => `${e.queueId}/${e.userId}`;
const sorted = (l: RosterEntry[]) => [...l].sort((a, b) => key(a).localeCompare(key(b)));

/** The team page (a tab of its own, or the panel's Team tab frame: pass its body locator). */
export class TeamPage {
  /** The page's root: its `data-status` is the team status, whether or not the line shows it. */
  readonly view: Locator;
  readonly status: Locator;
  readonly members: Locator;
  readonly notices: Locator;
  readonly notice: Locator;

  constructor(readonly root: Locator) {
    this.view = root.getByTestId('team');
    this.status = root.getByTestId('team-status');
    this.members = root.getByTestId('member');
    this.notices = root.getByTestId('team-notices');
    this.notice = root.getByTestId('team-notice');
  }

  static async open(page: Page, extensionId: string): Promise<TeamPage> {
    await page.goto(`chrome-extension://${extensionId}/src/team/index.html`);
    return new TeamPage(page.locator('body'));
  }

  /** In the panel's Team tab: live, and no status line repeating the panel's "Live". */
  async expectLiveInPanel(): Promise<void> {
    await expect(this.view).toHaveAttribute('data-status', 'live');
    await expect(this.status).toHaveCount(0);
  }

  queue(queueId: string): Locator {
    return this.root.locator(`[data-testid="queue"][data-queue-id="${queueId}"]`);
  }

  row(queueId: string, userId: string): Locator {
    return this.queue(queueId).locator(`[data-testid="member"][data-user-id="${userId}"]`);
  }

  async shown(): Promise<RosterEntry[]> {
    return sorted(
      await this.members.evaluateAll((rows) =>
        rows.map((r) => {
          const el = r as HTMLElement;
          return {
            queueId: el.closest<HTMLElement>('[data-queue-id]')?.dataset.queueId ?? '',
            userId: el.dataset.userId ?? '',
            presence: el.dataset.presence ?? '',
            routing: el.dataset.routing ?? '',
            joined: el.dataset.joined === 'true',
          };
        }),
      ),
    );
  }

  /** The page ends equal to the simulator's truth for the agent's queues. */
  async expectExact(sim: Sim, agentId: string, timeout = 10_000): Promise<void> {
    await expect.poll(() => this.shown(), { timeout }).toEqual(truthRoster(sim, agentId));
  }
}

/** Every member of every queue the agent is a member of, as the simulator knows them. */
export function truthRoster(sim: Sim, agentId: string): RosterEntry[] {
  const users = new Map(sim.users().map((u) => [u.id, u]));
  return sorted(
    sim
      .queues()
      .filter((q) => q.members.some((m) => m.userId === agentId))
      .flatMap((q) =>
        q.members.map((m) => ({
          queueId: q.id,
          userId: m.userId,
          presence: users.get(m.userId)?.presence ?? '',
          routing: users.get(m.userId)?.routingStatus ?? '',
          joined: m.joined,
        })),
      ),
  );
}
