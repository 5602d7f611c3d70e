// @vitest-environment happy-dom
import { act, fireEvent } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { conv, setup, T0, usePanelTestClock } from './panel-test-setup';

usePanelTestClock();

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
