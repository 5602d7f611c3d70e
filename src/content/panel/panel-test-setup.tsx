/**
 * Shared setup of the Panel's component tests (Panel.*.test.tsx): the Panel rendered inside a
 * shadow root as the content script does, its store, the commands it sends to the worker, and
 * helpers to apply a snapshot or a patch. The clock is faked (T0 + 65 s) around each test.
 */
import { act, cleanup, render, within } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import type { AgentView, ConnectionView, ConversationView } from '../../shared/domain';
import type { ToWorker } from '../../shared/protocol';
import { Panel, type PanelProps } from './Panel';
import { createPanelStore } from './store';

export const T0 = Date.parse('2026-03-02T10:00:00Z');
export const alex: AgentView = { id: 'u1', name: 'Alex Agent', region: 'mypurecloud.com' };

export const conv = (id: string, over: Partial<ConversationView> = {}): ConversationView => ({
  id,
  media: 'call',
  state: 'connected',
  customerAddress: '+13175550101',
  startedAt: T0,
  connectedAt: T0,
  ...over,
});

export function setup(props: Partial<PanelProps> = {}) {
  const store = createPanelStore();
  const sent: ToWorker[] = [];
  // Render inside a shadow root, as the content script does.
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  render(<Panel store={store} link={{ send: (c) => sent.push(c) }} {...props} />, { container });
  const q = within(container as HTMLElement);
  const snapshot = (
    conversations: ConversationView[],
    connection: ConnectionView = { status: 'live' },
    agent = alex,
  ) => act(() => store.getState().apply({ type: 'snapshot', state: { connection, agent, conversations } }));
  const patch = (p: { upsert?: ConversationView[]; remove?: string[]; connection?: ConnectionView }) =>
    act(() => store.getState().apply({ type: 'patch', ...p }));
  const tabs = () => q.getAllByRole('tab');
  return { store, sent, root, host, q, snapshot, patch, tabs };
}

/** Fake timers and Date for every test of the file, cleaned up after each. */
export function usePanelTestClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0 + 65_000);
  });
  afterEach(() => {
    cleanup(); // unmounts, so the shared clock stops with this test's fake timers
    vi.useRealTimers();
    document.body.innerHTML = '';
  });
}
