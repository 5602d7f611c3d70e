// @vitest-environment happy-dom

import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../shared/protocol';
import { reason } from '../shared/reasons';
import type { TeamView } from '../shared/team-view';
import { fakeWorkerPort } from '../shared/test-worker-port';
import { linkTeam } from './link';
import { createTeamStore } from './store';
import { TeamPage } from './TeamPage';

let worker: ReturnType<typeof fakeWorkerPort>;
let clipboard: string[];

beforeEach(() => {
  worker = fakeWorkerPort();
  clipboard = [];
  vi.stubGlobal('chrome', { runtime: { connect: () => worker.port } });
  vi.stubGlobal('navigator', { clipboard: { writeText: async (s: string) => void clipboard.push(s) } });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NOW = Date.now();
const view = (over: Partial<TeamView> = {}): TeamView => ({
  status: 'live',
  canJoin: false,
  me: 'ana',
  members: {
    ana: { id: 'ana', name: 'Ana Núñez', presence: 'ON_QUEUE', routingStatus: 'IDLE', since: NOW - 60_000 },
    ben: {
      id: 'ben',
      name: 'Ben Ode',
      presence: 'ON_QUEUE',
      routingStatus: 'INTERACTING',
      since: NOW - 5_000,
    },
  },
  queues: [
    {
      id: 'q1',
      name: 'Sales',
      joinedByMe: false,
      memberCount: 2,
      members: [
        { userId: 'ana', joined: false },
        { userId: 'ben', joined: true },
      ],
    },
    {
      id: 'q2',
      name: 'Support',
      joinedByMe: true,
      memberCount: 1,
      counts: { waiting: 3, interacting: 1 },
      members: [{ userId: 'ana', joined: true }],
    },
  ],
  ...over,
});

/** The role lacks `routing:queue:view`: nothing to show. */
const unavailable = () =>
  view({
    status: 'unavailable',
    reason: reason('team-missing-permission', { permission: ['routing:queue:view'] }),
    queues: [],
    members: {},
  });

function mount(embed = false) {
  const store = createTeamStore();
  const r = render(<TeamPage store={store} embed={embed} actions={linkTeam(store)} />);
  const row = (queueId: string, userId: string) =>
    r.container.querySelector(`[data-queue-id="${queueId}"] [data-user-id="${userId}"]`) as HTMLElement;
  return { r, row, store };
}

describe('the team page', () => {
  it('says it is loading until the worker’s snapshot, then lists each queue’s members', async () => {
    const { r, row } = mount();
    expect(r.getByTestId('team-status').textContent).toBe('Loading the team…');
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    await waitFor(() => expect(r.getAllByTestId('queue')).toHaveLength(2));
    expect(r.getByTestId('team-status').textContent).toBe('Live');
    expect(r.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Time in status');
    // Joined is per queue: the same agent is available on Support and not joined on Sales.
    expect(row('q2', 'ana').dataset.status).toBe('available');
    expect(row('q1', 'ana').dataset.status).toBe('idleNotJoined');
    expect(row('q1', 'ana').querySelector('[data-testid="member-joined"]')?.textContent).toBe('Not joined');
    expect(row('q1', 'ana').textContent).toContain('(you)');
    expect(r.container.querySelector('[data-queue-id="q2"] [data-testid="queue-waiting"]')?.textContent).toBe(
      'Waiting: 3',
    );
    // Sales: Ana (idle, not joined) has been in status longest, but Ana is the agent (issue 13
    // review: the mark is for a colleague): Ben is marked.
    expect(row('q1', 'ana').classList.contains('longest')).toBe(false);
    expect(row('q1', 'ben').classList.contains('longest')).toBe(true);
  });

  it('follows patches: a colleague’s new status shows in every queue they are in', async () => {
    const { r, row } = mount();
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    await waitFor(() => expect(row('q1', 'ben').dataset.status).toBe('interacting'));
    worker.fromWorker({
      type: 'teamPatch',
      members: [{ id: 'ben', name: 'Ben Ode', presence: 'ON_QUEUE', routingStatus: 'IDLE', since: NOW }],
    });
    await waitFor(() => expect(row('q1', 'ben').dataset.status).toBe('available'));
    expect(
      r.container.querySelector('[data-queue-id="q1"] [data-testid="count-available"]')?.textContent,
    ).toBe('Available: 1');
  });

  it('offers the Join/Leave switch only when the worker allows it, and says why a join failed', async () => {
    const { r } = mount();
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    await waitFor(() => expect(r.getAllByTestId('queue')).toHaveLength(2));
    expect(r.queryAllByTestId('join-toggle')).toHaveLength(0);
    worker.fromWorker({ type: 'teamPatch', head: { status: 'live', canJoin: true, me: 'ana' } });
    await waitFor(() => expect(r.getAllByRole('switch')).toHaveLength(2));
    const support = r.getAllByRole('switch')[1] as HTMLElement;
    expect(support.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(support);
    const sent = worker.posted.at(-1) as Extract<ToWorker, { type: 'teamJoin' }>;
    expect(sent).toMatchObject({ type: 'teamJoin', queueId: 'q2', joined: false });
    worker.fromWorker({
      type: 'teamJoinResult',
      queueId: 'q2',
      joined: false,
      ok: false,
      error: reason('team-join-failed', { detail: 'missing routing:queue:join' }),
      requestId: sent.requestId,
    });
    await waitFor(() => expect(r.getByTestId('team-notice').textContent).toContain('routing:queue:join'));
  });

  it('shows the admin’s fix when joining is unavailable, and drops it once joining is on', async () => {
    const { r } = mount();
    worker.fromWorker({
      type: 'teamSnapshot',
      view: view({ joinUnavailable: { status: 'unavailable', missingPermissions: ['routing:queue:join'] } }),
    });
    await waitFor(() =>
      expect(r.getByTestId('capability-queueJoin-unavailable').textContent).toContain('routing:queue:join'),
    );
    expect(r.queryAllByTestId('join-toggle')).toHaveLength(0);
    worker.fromWorker({ type: 'teamPatch', head: { status: 'live', canJoin: true, me: 'ana' } });
    await waitFor(() => expect(r.getAllByRole('switch')).toHaveLength(2));
    expect(r.queryByTestId('capability-queueJoin-unavailable')).toBeNull();
  });

  it('copies a member’s name and says so', async () => {
    const { r, row } = mount();
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    await waitFor(() => expect(row('q1', 'ben')).toBeTruthy());
    fireEvent.click(row('q1', 'ben').querySelector('[data-testid="copy-name"]') as HTMLElement);
    await waitFor(() => expect(r.getByTestId('team-notice').textContent).toBe('Copied: Ben Ode'));
    expect(clipboard).toEqual(['Ben Ode']);
  });

  it('names the missing permission when unavailable, and the refused live updates while live', async () => {
    const { r } = mount();
    worker.fromWorker({
      type: 'teamSnapshot',
      view: unavailable(),
    });
    await waitFor(() => expect(r.getByTestId('team-status').textContent).toContain('routing:queue:view'));
    expect(r.queryAllByTestId('queue')).toHaveLength(0);
    worker.fromWorker({
      type: 'teamSnapshot',
      view: view({ notices: [reason('team-topics-rejected', { permission: ['routing:queue:view'] })] }),
    });
    await waitFor(() => expect(r.getByTestId('team-notices').textContent).toContain('routing:queue:view'));
  });

  it('filters by status and name, and marks the roster stale while the worker is away', async () => {
    const { r, row } = mount();
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    await waitFor(() => expect(r.getAllByTestId('member')).toHaveLength(3));
    fireEvent.change(r.getByTestId('filter-status'), { target: { value: 'available' } });
    await waitFor(() => expect(r.getAllByTestId('member')).toHaveLength(1));
    expect(row('q2', 'ana')).toBeTruthy();
    fireEvent.change(r.getByTestId('filter-status'), { target: { value: '' } });
    fireEvent.input(r.getByTestId('filter-search'), { target: { value: 'ben' } });
    await waitFor(() => expect(r.getAllByTestId('member')).toHaveLength(1));
    expect(row('q1', 'ben')).toBeTruthy();
    worker.workerGone();
    await waitFor(() => expect(r.getByTestId('team').dataset.status).toBe('stale'));
  });

  it('in the panel’s Team tab leaves the connection’s state to the panel’s status bar, and says the team’s own', async () => {
    const { r } = mount(true);
    // Before the snapshot: the team's own loading line (the panel says nothing about it).
    expect(r.getByTestId('team-status').textContent).toBe('Loading the team…');
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    await waitFor(() => expect(r.getAllByTestId('queue')).toHaveLength(2));
    // Live: the panel's status bar already says it.
    expect(r.getByTestId('team').dataset.status).toBe('live');
    expect(r.queryByTestId('team-status')).toBeNull();
    // The channel is down: the panel says "Reconnecting"; the roster stays, marked stale.
    worker.fromWorker({ type: 'teamPatch', head: { status: 'stale', canJoin: false, me: 'ana' } });
    await waitFor(() => expect(r.getByTestId('team').dataset.status).toBe('stale'));
    expect(r.queryByTestId('team-status')).toBeNull();
    expect(r.getAllByTestId('queue')).toHaveLength(2);
    // The team's own failure: the panel does not show it.
    worker.fromWorker({
      type: 'teamPatch',
      head: {
        status: 'stale',
        canJoin: false,
        me: 'ana',
        reason: reason('team-failed', { detail: 'HTTP 503' }),
      },
    });
    await waitFor(() => expect(r.getByTestId('team-status').textContent).toContain('HTTP 503'));
    // Refused live updates and counts-only queues are the team's own too.
    worker.fromWorker({
      type: 'teamSnapshot',
      view: view({
        notices: [
          reason('team-topics-rejected', { permission: ['routing:queue:view'] }),
          reason('team-counts-only', { queues: ['Support'], limit: 1000 }),
        ],
      }),
    });
    await waitFor(() => expect(r.getByTestId('team-notices').querySelectorAll('li')).toHaveLength(2));
    expect(r.queryByTestId('team-status')).toBeNull();
    // A missing permission: the team's own state.
    worker.fromWorker({
      type: 'teamSnapshot',
      view: unavailable(),
    });
    await waitFor(() => expect(r.getByTestId('team-status').textContent).toContain('routing:queue:view'));
    // The worker away: the panel says so (its own port is down too).
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    await waitFor(() => expect(r.queryByTestId('team-status')).toBeNull());
    worker.workerGone();
    await waitFor(() => expect(r.getByTestId('team').dataset.status).toBe('stale'));
    expect(r.queryByTestId('team-status')).toBeNull();
  });

  it('in the panel’s Team tab offers to open the full page in a tab of its own (a button, by keyboard too)', async () => {
    const opened: string[] = [];
    vi.stubGlobal('chrome', {
      runtime: { connect: () => worker.port, getURL: (p: string) => `chrome-extension://cuecard/${p}` },
      tabs: { create: async ({ url }: { url: string }) => void opened.push(url) },
    });
    const { r } = mount(true);
    const open = r.getByRole('button', { name: 'Open the team page' });
    open.focus();
    expect(document.activeElement).toBe(open);
    fireEvent.click(open);
    expect(opened).toEqual(['chrome-extension://cuecard/src/team/index.html']);
    // Still offered with nothing to show (a missing permission): the full page says the same, larger.
    worker.fromWorker({ type: 'teamSnapshot', view: unavailable() });
    await waitFor(() => expect(r.getByTestId('team-status').textContent).toContain('routing:queue:view'));
    expect(r.getByRole('button', { name: 'Open the team page' })).toBeTruthy();
    cleanup();
    // The full page itself: its heading, no such button.
    const full = mount(false);
    expect(full.r.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(full.r.queryByRole('button', { name: 'Open the team page' })).toBeNull();
  });
});
