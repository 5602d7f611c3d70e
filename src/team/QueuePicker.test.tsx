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

beforeEach(() => {
  worker = fakeWorkerPort();
  vi.stubGlobal('chrome', { runtime: { connect: () => worker.port } });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A lead on their own Support queue, who may join and pick. */
const view = (over: Partial<TeamView> = {}): TeamView => ({
  status: 'live',
  canJoin: true,
  canPick: true,
  me: 'lea',
  members: {
    lea: { id: 'lea', name: 'Lea Lead', presence: 'ON_QUEUE', routingStatus: 'IDLE' },
    ben: { id: 'ben', name: 'Ben Ode', presence: 'ON_QUEUE', routingStatus: 'IDLE' },
  },
  queues: [
    {
      id: 'own',
      name: 'Support',
      joinedByMe: true,
      memberCount: 1,
      members: [{ userId: 'lea', joined: true }],
    },
  ],
  ...over,
});
const sales = {
  id: 'sales',
  name: 'Sales',
  joinedByMe: false,
  memberCount: 1,
  members: [{ userId: 'ben', joined: false }],
  selected: true,
};

function mount(embed = false) {
  const store = createTeamStore();
  return render(<TeamPage store={store} embed={embed} actions={linkTeam(store)} />);
}
const last = <T extends ToWorker['type']>(type: T) =>
  worker.posted.filter((m): m is Extract<ToWorker, { type: T }> => m.type === type).at(-1);

describe("the team page's queue picker", () => {
  it('reads the org’s queues once per opening; the lead’s own are fixed, another is added and taken out', async () => {
    const r = mount();
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    const add = await r.findByRole('button', { name: 'Add queues…' });
    expect(add.getAttribute('aria-expanded')).toBe('false');
    expect(worker.posted.filter((m) => m.type === 'teamQueueList')).toHaveLength(0);
    fireEvent.click(add);
    expect(add.getAttribute('aria-expanded')).toBe('true');
    const asked = last('teamQueueList');
    expect(asked).toMatchObject({ type: 'teamQueueList' });
    expect(r.getByTestId('queue-picker').textContent).toContain('Reading the queues…');
    worker.fromWorker({
      type: 'teamQueueListResult',
      ok: true,
      truncated: false,
      queues: [
        { id: 'billing', name: 'Billing' },
        { id: 'sales', name: 'Sales' },
        { id: 'own', name: 'Support' },
      ],
      requestId: asked?.requestId,
    });
    const own = (await r.findByRole('checkbox', { name: 'Support (your queue)' })) as HTMLInputElement;
    expect([own.checked, own.disabled]).toEqual([true, true]);
    const salesBox = r.getByRole('checkbox', { name: 'Sales' }) as HTMLInputElement;
    expect(salesBox.checked).toBe(false);
    fireEvent.input(r.getByRole('searchbox', { name: 'Filter by name' }), { target: { value: 'sal' } });
    expect(r.getAllByTestId('pick-queue')).toHaveLength(1);
    fireEvent.click(salesBox);
    expect(last('teamSelectQueue')).toEqual({
      type: 'teamSelectQueue',
      queue: { id: 'sales', name: 'Sales' },
      selected: true,
    });
    expect(salesBox.checked).toBe(true);
    // The worker's snapshot brings the queue: a section of its own, no join switch, no "not joined".
    worker.fromWorker({ type: 'teamPatch', queues: [sales] });
    const section = await waitFor(() => {
      const s = r.container.querySelector('[data-testid="queue"][data-queue-id="sales"]');
      if (!s) throw new Error('not yet');
      return s as HTMLElement;
    });
    expect(section.querySelector('[data-testid="queue-selected"]')?.textContent).toBe('Added on this page');
    expect(section.querySelector('[role="switch"]')).toBeNull();
    expect(section.querySelector('[data-testid="my-joined"]')).toBeNull();
    expect(r.getAllByRole('switch')).toHaveLength(1); // Support's
    fireEvent.click(salesBox);
    expect(last('teamSelectQueue')).toMatchObject({ queue: { id: 'sales' }, selected: false });
    // Closed and opened again: read again (once per opening, never polled).
    fireEvent.click(r.getByRole('button', { name: 'Done' }));
    expect(r.queryByTestId('queue-picker')).toBeNull();
    fireEvent.click(add);
    expect(worker.posted.filter((m) => m.type === 'teamQueueList')).toHaveLength(2);
  });

  it('a cut list offers Search with the filter; a refused read says why', async () => {
    const r = mount();
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    fireEvent.click(await r.findByRole('button', { name: 'Add queues…' }));
    worker.fromWorker({
      type: 'teamQueueListResult',
      ok: true,
      truncated: true,
      queues: [{ id: 'a', name: 'Alpha' }],
      requestId: last('teamQueueList')?.requestId,
    });
    await waitFor(() => expect(r.getByTestId('picker-truncated').textContent).toContain('500'));
    fireEvent.input(r.getByRole('searchbox', { name: 'Filter by name' }), { target: { value: 'Sup' } });
    fireEvent.click(r.getByRole('button', { name: 'Search' }));
    expect(last('teamQueueList')).toMatchObject({ name: '*sup*' });
    worker.fromWorker({
      type: 'teamQueueListResult',
      ok: false,
      truncated: false,
      queues: [],
      error: reason('team-pick-failed', { detail: '503 service.unavailable' }),
      requestId: last('teamQueueList')?.requestId,
    });
    await waitFor(() =>
      expect(r.getByTestId('queue-picker').textContent).toContain('503 service.unavailable'),
    );
  });

  it('without routing:queue:view names the permission instead; the panel’s Team tab has no picker', async () => {
    const r = mount();
    worker.fromWorker({
      type: 'teamSnapshot',
      view: view({
        canPick: undefined,
        pickUnavailable: reason('team-pick-missing-permission', { permission: ['routing:queue:view'] }),
      }),
    });
    await waitFor(() =>
      expect(r.getByTestId('pick-unavailable').textContent).toContain('routing:queue:view'),
    );
    expect(r.queryByRole('button', { name: 'Add queues…' })).toBeNull();
    cleanup();
    const embedded = mount(true);
    worker.fromWorker({ type: 'teamSnapshot', view: view() });
    await waitFor(() => expect(embedded.getAllByTestId('queue')).toHaveLength(1));
    expect(embedded.queryByRole('button', { name: 'Add queues…' })).toBeNull();
  });
});
