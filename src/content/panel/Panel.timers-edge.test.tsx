// @vitest-environment happy-dom
import { act, fireEvent, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { reason } from '../../shared/reasons';
import { conv, setup, T0, usePanelTestClock } from './panel-test-setup';

usePanelTestClock();

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
