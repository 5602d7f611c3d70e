// @vitest-environment happy-dom
import { fireEvent, render, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { ConversationView } from '../../shared/domain';
import type { ToWorker } from '../../shared/protocol';
import { Panel } from './Panel';
import { createPanelStore } from './store';

const call: ConversationView = {
  id: 'c1',
  media: 'call',
  direction: 'inbound',
  state: 'alerting',
  customerName: '<img src=x onerror=alert(1)>Mallory',
  customerAddress: '+13175550101',
  queueId: 'q',
  queueName: 'Support',
  startedAt: Date.now() - 65_000,
};

function setup() {
  const store = createPanelStore();
  const sent: ToWorker[] = [];
  // Render inside a shadow root, as the content script does.
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  render(<Panel store={store} link={{ send: (c) => sent.push(c) }} />, { container });
  return { store, sent, root, q: within(container as HTMLElement) };
}

describe('Panel', () => {
  it('shows "connecting to Cuecard" until the worker answers, then the sign-in button', async () => {
    const { store, sent, q } = setup();
    expect(q.getByTestId('status-label').textContent).toBe('Connecting to Cuecard…');
    store
      .getState()
      .apply({ type: 'snapshot', state: { connection: { status: 'signed-out' }, conversations: [] } });
    const button = await q.findByTestId('sign-in');
    fireEvent.click(button);
    expect(sent).toEqual([{ type: 'signIn' }]);
    expect(q.getByTestId('empty').textContent).toContain('No active conversations');
  });

  it('renders customer data as text, never as HTML', async () => {
    const { store, root, q } = setup();
    store
      .getState()
      .apply({ type: 'snapshot', state: { connection: { status: 'live' }, conversations: [call] } });
    const customer = await q.findByTestId('customer');
    expect(customer.textContent).toBe('<img src=x onerror=alert(1)>Mallory');
    expect(root.querySelector('img')).toBeNull();
    expect(q.getByTestId('queue').textContent).toBe('Queue: Support');
    expect(q.getByTestId('timer').textContent).toMatch(/^1:0[5-6]$/);
  });

  it('applies patches: upserts in arrival order, removals, connection changes', async () => {
    const { store, q } = setup();
    store
      .getState()
      .apply({ type: 'snapshot', state: { connection: { status: 'live' }, conversations: [call] } });
    const chat: ConversationView = {
      id: 'c2',
      media: 'chat',
      state: 'connected',
      customerName: 'Robin',
      startedAt: call.startedAt + 1,
    };
    store.getState().apply({ type: 'patch', upsert: [chat, { ...call, state: 'connected' }] });
    await vi.waitFor(() =>
      expect(q.getAllByTestId('conversation').map((e) => e.dataset.conversationId)).toEqual(['c1', 'c2']),
    );
    expect(q.getAllByTestId('state')[0]?.textContent).toBe('Connected');
    store.getState().apply({
      type: 'patch',
      remove: ['c1'],
      connection: { status: 'reconnecting', reason: 'Dropped; retrying.' },
    });
    await vi.waitFor(() => expect(q.getAllByTestId('conversation')).toHaveLength(1));
    expect(q.getByTestId('reason').textContent).toBe('Dropped; retrying.');
    expect(q.getByTestId('retry')).toBeTruthy();
  });

  it('marks what it shows as stale while the worker is unreachable', async () => {
    const { store, q } = setup();
    store
      .getState()
      .apply({ type: 'snapshot', state: { connection: { status: 'live' }, conversations: [call] } });
    store.getState().setLinked(false);
    await vi.waitFor(() => expect(q.getByTestId('conversations').className).toContain('stale'));
  });

  it('collapses to a slim tab that still counts conversations', async () => {
    const { store, q } = setup();
    store
      .getState()
      .apply({ type: 'snapshot', state: { connection: { status: 'live' }, conversations: [call] } });
    fireEvent.click(await q.findByTitle('Hide Cuecard'));
    expect((await q.findByTitle('Show Cuecard')).textContent).toBe('Cuecard (1)');
  });
});
