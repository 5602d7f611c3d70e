// @vitest-environment happy-dom
import { act, fireEvent, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../shared/domain';
import { reason } from '../../shared/reasons';
import { alex, conv, setup, T0, usePanelTestClock } from './panel-test-setup';

usePanelTestClock();

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
