// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentView, ConnectionView, ConversationView } from '../../shared/domain';
import type { ToWorker } from '../../shared/protocol';
import { reason } from '../../shared/reasons';
import { Panel, type PanelProps } from './Panel';
import { createPanelStore } from './store';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const alex: AgentView = { id: 'u1', name: 'Alex Agent', region: 'mypurecloud.com' };

const conv = (id: string, over: Partial<ConversationView> = {}): ConversationView => ({
  id,
  media: 'call',
  state: 'connected',
  customerAddress: '+13175550101',
  startedAt: T0,
  connectedAt: T0,
  ...over,
});

function setup(props: Partial<PanelProps> = {}) {
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

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0 + 65_000);
});
afterEach(() => {
  cleanup(); // unmounts, so the shared clock stops with this test's fake timers
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('header states', () => {
  it('says it is connecting until the worker answers, then offers sign-in when signed out', async () => {
    const { q, sent, snapshot } = setup();
    expect(q.getByTestId('status-label').textContent).toBe('Connecting to Cuecard…');
    await snapshot([], { status: 'signed-out' }, undefined as unknown as AgentView);
    expect(q.getByTestId('status').dataset.status).toBe('signed-out');
    expect(q.getByTestId('status-label').textContent).toBe('Signed out');
    expect(q.getByTestId('empty').textContent).toContain('Sign in with your Genesys Cloud account');
    fireEvent.click(q.getByRole('button', { name: 'Sign in to Genesys Cloud' }));
    expect(sent).toEqual([{ type: 'signIn' }]);
  });

  it('shows presence and routing status in either Genesys casing, live', async () => {
    const { q, snapshot, store } = setup();
    await snapshot([], { status: 'live' }, { ...alex, presence: 'ON_QUEUE', routingStatus: 'IDLE' });
    expect(q.getByTestId('agent').textContent).toContain('Alex Agent');
    expect(q.getByTestId('presence').textContent).toBe('Presence: On queue');
    expect(q.getByTestId('presence').className).toContain('queue');
    expect(q.getByTestId('routing').textContent).toBe('Routing status: Idle');
    expect(q.getByTestId('empty').textContent).toContain('No active conversations.');
    await act(() =>
      store
        .getState()
        .apply({ type: 'patch', agent: { ...alex, presence: 'Away', routingStatus: 'OFF_QUEUE' } }),
    );
    expect(q.getByTestId('presence').textContent).toBe('Presence: Away');
    expect(q.getByTestId('routing').textContent).toBe('Routing status: Off queue');
    await act(() =>
      store.getState().apply({ type: 'patch', agent: { ...alex, presence: 'Out_Of_Office_Custom' } }),
    );
    expect(q.getByTestId('presence').textContent).toBe('Presence: Out of office custom');
  });

  it.each([
    ['reconnecting', 'Reconnecting…', 'retry'],
    ['blocked', 'Action needed', 'retry'],
    ['needs-sign-in', 'Sign in again', 'sign-in'],
    ['unconfigured', 'Not set up', undefined],
  ] as const)('%s: label, reason and the one helpful button', async (status, label, button) => {
    const { q, snapshot, sent } = setup();
    await snapshot([], { status, reason: reason('socket-closed', { code: 1006 }) });
    expect(q.getByTestId('status-label').textContent).toBe(label);
    expect(q.getByTestId('reason').textContent).toBe('The live connection closed (code 1006); reconnecting.');
    expect(q.queryByTestId('retry') !== null).toBe(button === 'retry');
    expect(q.queryByTestId('sign-in') !== null).toBe(button === 'sign-in');
    if (button === 'retry') {
      fireEvent.click(q.getByTestId('retry'));
      expect(sent).toEqual([{ type: 'reconnect' }]);
    }
  });

  it('announces connection changes politely (role=status), not presence ticks', async () => {
    const { q, snapshot } = setup();
    await snapshot([]);
    const region = q.getByRole('status');
    expect(region.textContent).toContain('Live');
    expect(region.contains(q.queryByTestId('agent'))).toBe(false);
  });
});

describe('conversation tabs', () => {
  it('one tab per conversation in arrival order, with media, customer, state, queue and a live timer', async () => {
    const { q, snapshot, tabs } = setup();
    await snapshot([
      conv('c1', { customerName: 'Robin', queueName: 'Billing' }),
      conv('c2', {
        media: 'chat',
        state: 'alerting',
        customerName: undefined,
        customerAddress: 'sam@example.com',
        startedAt: T0 + 5_000,
      }),
      conv('c3', {
        media: 'email',
        customerName: 'Kim',
        startedAt: T0 + 9_000,
        connectedAt: T0 + 20_000,
        subject: 'Invoice',
      }),
    ]);
    expect(tabs().map((t) => t.dataset.conversationId)).toEqual(['c1', 'c2', 'c3']);
    const [t1, t2] = tabs();
    expect(within(t1 as HTMLElement).getByTestId('media').textContent).toBe('Call');
    expect(within(t1 as HTMLElement).getByTestId('customer').textContent).toBe('Robin');
    expect(within(t1 as HTMLElement).getByTestId('state').textContent).toBe('Connected');
    expect(within(t1 as HTMLElement).getByTestId('queue').textContent).toBe('Queue: Billing');
    expect(within(t1 as HTMLElement).getByTestId('timer').textContent).toBe('1:05');
    expect(within(t2 as HTMLElement).getByTestId('customer').textContent).toBe('sam@example.com');
    expect(within(t2 as HTMLElement).getByTestId('media').textContent).toBe('Chat');
    expect(q.getByRole('tablist').getAttribute('aria-orientation')).toBe('vertical');
    expect(q.getByRole('tablist').getAttribute('aria-label')).toBe('Active conversations');
  });

  it('selects and highlights the alerting conversation; the detail area shows the selected one', async () => {
    const { q, snapshot, tabs } = setup();
    await snapshot([
      conv('c1', { customerName: 'Robin' }),
      conv('c2', { state: 'alerting', customerName: 'Sam', startedAt: T0 + 1 }),
    ]);
    const selected = tabs().filter((t) => t.getAttribute('aria-selected') === 'true');
    expect(selected.map((t) => t.dataset.conversationId)).toEqual(['c2']);
    expect(tabs().map((t) => t.tabIndex)).toEqual([-1, 0]);
    expect(tabs()[1]?.className).toContain('alerting');
    const detail = q.getByRole('tabpanel');
    expect(detail.getAttribute('aria-labelledby')).toBe(tabs()[1]?.id);
    expect(tabs()[1]?.getAttribute('aria-controls')).toBe(detail.id);
    expect(q.getByTestId('detail-customer').textContent).toBe('Sam');
    expect(q.getByTestId('detail-state').textContent).toBe('Alerting');
    fireEvent.click(tabs()[0] as HTMLElement);
    expect(q.getByTestId('detail-customer').textContent).toBe('Robin');
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1]);
  });

  it('arrow keys, Home and End move focus and selection (roving tabindex, wrapping)', async () => {
    const { snapshot, tabs, root } = setup();
    await snapshot([conv('a'), conv('b', { startedAt: T0 + 1 }), conv('c', { startedAt: T0 + 2 })]);
    const first = tabs()[0] as HTMLElement;
    first.focus();
    const key = async (k: string) => {
      fireEvent.keyDown(root.activeElement as Element, { key: k });
      await act(() => undefined);
      return (root.activeElement as HTMLElement | null)?.dataset.conversationId;
    };
    expect(await key('ArrowDown')).toBe('b');
    expect(tabs()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(await key('ArrowRight')).toBe('c');
    expect(await key('ArrowDown')).toBe('a'); // wraps
    expect(await key('ArrowUp')).toBe('c');
    expect(await key('Home')).toBe('a');
    expect(await key('End')).toBe('c');
    expect(tabs().map((t) => t.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('a new alerting conversation takes the selection, is announced, and takes focus only from inside the tabs', async () => {
    const { q, snapshot, patch, tabs, root } = setup();
    await snapshot([conv('c1', { customerName: 'Robin' })]);
    expect(q.getByTestId('announcer').textContent).toBe('');

    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    await patch({
      upsert: [
        conv('c2', {
          state: 'alerting',
          media: 'chat',
          customerName: 'Sam',
          queueName: 'Web',
          startedAt: T0 + 1,
        }),
      ],
    });
    expect(q.getByTestId('announcer').textContent).toBe('Incoming Chat from Sam, queue Web');
    expect(tabs()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(outside); // the agent typing elsewhere keeps their focus

    (tabs()[0] as HTMLElement).focus();
    fireEvent.click(tabs()[0] as HTMLElement);
    await patch({ upsert: [conv('c3', { state: 'alerting', customerName: 'Kim', startedAt: T0 + 2 })] });
    expect(q.getByTestId('announcer').textContent).toBe('Incoming Call from Kim');
    expect((root.activeElement as HTMLElement).dataset.conversationId).toBe('c3');
  });

  it('hands the selection on when the selected conversation leaves after wrap-up', async () => {
    const { q, snapshot, patch, tabs } = setup();
    await snapshot([conv('a'), conv('b', { startedAt: T0 + 1 }), conv('c', { startedAt: T0 + 2 })]);
    fireEvent.click(tabs()[1] as HTMLElement);
    await patch({ upsert: [conv('b', { state: 'wrapup', startedAt: T0 + 1, endedAt: T0 + 60_000 })] });
    expect(q.getByTestId('detail-state').textContent).toBe('Wrap-up');
    await patch({ remove: ['b'] });
    expect(tabs().find((t) => t.getAttribute('aria-selected') === 'true')?.dataset.conversationId).toBe('c');
    await patch({ remove: ['a', 'c'] });
    expect(q.queryByRole('tablist')).toBeNull();
    expect(q.getByTestId('empty')).toBeTruthy();
  });

  it('renders customer data as text, never as HTML', async () => {
    const { q, snapshot, root } = setup();
    const evil = '<img src=x onerror=alert(1)>Mallory';
    await snapshot([conv('x', { customerName: evil, queueName: '<b>Q</b>', subject: '<script>s</script>' })]);
    expect(q.getByTestId('customer').textContent).toBe(evil);
    expect(q.getByTestId('detail-subject').textContent).toBe('<script>s</script>');
    expect(root.querySelector('img, b, script')).toBeNull();
  });
});

describe('timers', () => {
  it('tick every second, in the tab and in the detail', async () => {
    const { q, snapshot } = setup();
    await snapshot([conv('c1')]);
    expect(q.getByTestId('timer').textContent).toBe('1:05');
    await act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(q.getByTestId('timer').textContent).toBe('1:08');
    expect(q.getByTestId('detail-timer').textContent).toBe('1:08');
    await act(() => {
      vi.advanceTimersByTime(3_600_000);
    });
    expect(q.getByTestId('timer').textContent).toBe('1:01:08');
  });

  it('while on hold: the hold time in the tab, hold and talk time in the detail', async () => {
    const { q, snapshot } = setup();
    await snapshot([conv('c1', { state: 'held', heldSince: T0 + 50_000 })]);
    expect(q.getByTestId('state').textContent).toBe('On hold');
    expect(q.getByTestId('timer').textContent).toBe('0:15');
    expect(q.getByText('On hold for')).toBeTruthy();
    expect(q.getByTestId('detail-timer').textContent).toBe('0:15');
    expect(q.getByTestId('detail-connected-timer').textContent).toBe('1:05');
  });

  it('time a waiting conversation from its arrival and a wrap-up from its end', async () => {
    const { q, snapshot } = setup();
    await snapshot([
      conv('a', { state: 'alerting', connectedAt: undefined, startedAt: T0 + 60_000 }),
      conv('w', { state: 'wrapup', startedAt: T0 + 61_000, endedAt: T0 + 62_000 }),
    ]);
    expect(q.getAllByTestId('timer').map((e) => e.textContent)).toEqual(['0:05', '0:03']);
    expect(q.getByText('Waiting for')).toBeTruthy();
  });
});

describe('edge states', () => {
  it('marks what it shows as stale while the worker is unreachable', async () => {
    const { q, snapshot, store } = setup();
    await snapshot([conv('c1')]);
    expect(q.queryByTestId('stale-notice')).toBeNull();
    await act(() => store.getState().setLinked(false));
    expect(q.getByTestId('conversations').className).toContain('stale');
    expect(q.getByTestId('detail').className).toContain('stale');
    expect(q.getByTestId('stale-notice').textContent).toBe(
      'Cuecard is restarting: what you see may be out of date.',
    );
  });

  it('marks what it shows as stale while reconnecting', async () => {
    const { q, snapshot, patch } = setup();
    await snapshot([conv('c1')]);
    await patch({ connection: { status: 'reconnecting', reason: reason('subscriptions-dropped') } });
    expect(q.getByTestId('stale-notice').textContent).toBe('Reconnecting: what you see may be out of date.');
    expect(q.getByTestId('conversations').className).toContain('stale');
    await patch({ connection: { status: 'live' } });
    expect(q.queryByTestId('stale-notice')).toBeNull();
  });

  it('12 conversations: all in one scrollable tab list, every one reachable by keyboard', async () => {
    const { snapshot, tabs, q, root } = setup();
    const many = Array.from({ length: 12 }, (_, i) =>
      conv(`c${i}`, {
        media: (['call', 'chat', 'email', 'message', 'callback'] as const)[i % 5],
        startedAt: T0 + i,
      }),
    );
    await snapshot(many);
    expect(tabs()).toHaveLength(12);
    expect(q.getByRole('tablist').className).toContain('tabs');
    (tabs()[0] as HTMLElement).focus();
    fireEvent.keyDown(tabs()[0] as HTMLElement, { key: 'End' });
    await act(() => undefined);
    expect((root.activeElement as HTMLElement).dataset.conversationId).toBe('c11');
  });

  it('very long names: shown whole in the DOM, ellipsed by CSS, full text in the title', async () => {
    const { q, snapshot } = setup();
    const long =
      'Maximiliana Bartholomew-Fitzgerald de la Cruz y Montenegro of the Very Long Surname Society';
    await snapshot([conv('c1', { customerName: long })]);
    const tab = q.getByRole('tab');
    expect(tab.title).toBe(long);
    expect(within(tab).getByTestId('customer').textContent).toBe(long);
    expect(within(tab).getByTestId('customer').className).toBe('customer');
    expect(q.getByTestId('detail-customer').title).toBe(long);
  });

  it('names the customer by address, or says it does not know', async () => {
    const { q, snapshot } = setup();
    await snapshot([conv('c1', { customerName: '  ', customerAddress: undefined })]);
    expect(q.getByTestId('customer').textContent).toBe('Unknown customer');
  });
});

describe('placement, collapse and keyboard command', () => {
  it('collapses to a slim edge tab that counts conversations and waiting ones; expands again', async () => {
    const { q, snapshot, store } = setup();
    await snapshot([conv('c1'), conv('c2', { state: 'alerting', startedAt: T0 + 1 })]);
    fireEvent.click(q.getByRole('button', { name: 'Hide Cuecard' }));
    expect(store.getState().placement.collapsed).toBe(true);
    expect(q.queryByRole('tablist')).toBeNull();
    const tab = q.getByTestId('edge-tab');
    expect(tab.getAttribute('aria-label')).toBe(
      'Show Cuecard, 2 active conversations, 1 waiting to be answered',
    );
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(q.getByTestId('edge-count').textContent).toBe('2');
    expect(tab.className).toContain('alerting');
    fireEvent.click(tab);
    expect(q.getByRole('tablist')).toBeTruthy();
  });

  it('the toggle command collapses and expands, and brings focus into the panel when it opens it', async () => {
    const { q, snapshot, store, root } = setup();
    await snapshot([conv('c1')]);
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    await act(() => store.getState().apply({ type: 'command', name: 'toggle-panel' }));
    expect(q.getByTestId('edge-tab')).toBeTruthy();
    expect(document.activeElement).toBe(outside); // collapsing from the page leaves focus alone
    await act(() => store.getState().apply({ type: 'command', name: 'toggle-panel' }));
    expect((root.activeElement as HTMLElement).getAttribute('role')).toBe('tab');
  });

  it('keyboard inside the panel: hide keeps focus on the edge tab, expanding returns it to the tabs', async () => {
    const { q, snapshot, root } = setup();
    await snapshot([conv('c1')]);
    const hide = q.getByRole('button', { name: 'Hide Cuecard' });
    hide.focus();
    fireEvent.click(hide);
    await act(() => undefined);
    expect(root.activeElement).toBe(q.getByTestId('edge-tab'));
    fireEvent.click(q.getByTestId('edge-tab'));
    await act(() => undefined);
    expect((root.activeElement as HTMLElement).getAttribute('role')).toBe('tab');
  });

  it('moves to the other edge from the grip by keyboard and from display settings', async () => {
    const { q, snapshot, store } = setup();
    await snapshot([]);
    const move = q.getByRole('button', { name: 'Move panel' });
    fireEvent.keyDown(move, { key: 'ArrowLeft' });
    await act(() => undefined);
    expect(store.getState().placement.edge).toBe('left');
    expect(q.getByTestId('panel').className).toContain('left');
    fireEvent.click(q.getByRole('button', { name: 'Display settings' }));
    fireEvent.click(q.getByLabelText('Right'));
    expect(store.getState().placement.edge).toBe('right');
  });

  it('resizes with the separator by keyboard, within bounds', async () => {
    const { q, snapshot, store } = setup();
    await snapshot([]);
    const sep = q.getByRole('separator', { name: 'Resize panel' });
    expect(sep.getAttribute('aria-valuenow')).toBe('340');
    fireEvent.keyDown(sep, { key: 'ArrowLeft' }); // right edge: left widens
    await act(() => undefined);
    expect(store.getState().placement.width).toBe(356);
    expect(q.getByTestId('panel').style.width).toBe('356px');
    fireEvent.keyDown(sep, { key: 'Home' });
    await act(() => undefined);
    expect(store.getState().placement.width).toBe(260);
    fireEvent.keyDown(sep, { key: 'ArrowRight' });
    await act(() => undefined);
    expect(store.getState().placement.width).toBe(260);
  });

  it('theme: follows the system by default; a manual choice is applied and saved', async () => {
    const onTheme = vi.fn();
    const { q, snapshot } = setup({ onTheme });
    await snapshot([]);
    const rootEl = q.getByTestId('cc-root');
    expect(rootEl.lang).toBeTruthy(); // the panel's own language, whatever the page's
    expect(rootEl.dataset.theme).toBeUndefined();
    fireEvent.click(q.getByRole('button', { name: 'Display settings' }));
    fireEvent.click(q.getByLabelText('Dark'));
    expect(rootEl.dataset.theme).toBe('dark');
    expect(onTheme).toHaveBeenCalledWith('dark');
    fireEvent.click(q.getByLabelText('Match system'));
    expect(rootEl.dataset.theme).toBeUndefined();
  });

  it('passes each selected conversation to the detail slot (where the CRM card goes)', async () => {
    const { q, snapshot } = setup({ detailSlot: (c) => <p>card for {c.id}</p> });
    await snapshot([conv('c1')]);
    expect(q.getByTestId('detail-slot').textContent).toBe('card for c1');
  });
});
