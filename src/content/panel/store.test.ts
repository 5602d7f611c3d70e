import { describe, expect, it } from 'vitest';
import type { ConversationView } from '../../shared/domain';
import { createPanelStore, nextSelection } from './store';

const c = (id: string, state: ConversationView['state'] = 'connected', startedAt = 0): ConversationView => ({
  id,
  media: 'call',
  state,
  startedAt,
  customerAddress: `+1${id}`,
});

describe('nextSelection', () => {
  it('a newly arrived alerting conversation takes the selection (the newest of several)', () => {
    expect(nextSelection([c('a')], [c('a'), c('b', 'alerting'), c('x', 'alerting')], 'a')).toBe('x');
  });
  it('otherwise the selection stays, even when another is alerting', () => {
    expect(nextSelection([c('a'), c('b', 'alerting')], [c('a'), c('b', 'alerting')], 'a')).toBe('a');
  });
  it('first conversation, or the first alerting one, when nothing was selected', () => {
    expect(nextSelection([], [c('a'), c('b')], undefined)).toBe('a');
    expect(nextSelection([c('a'), c('b', 'alerting')], [c('a'), c('b', 'alerting')], undefined)).toBe('b');
  });
  it('when the selected one leaves: an alerting one, else the neighbour that took its place', () => {
    expect(nextSelection([c('a'), c('b'), c('c')], [c('a'), c('c')], 'b')).toBe('c');
    expect(nextSelection([c('a'), c('b'), c('c')], [c('a'), c('b')], 'c')).toBe('b');
    expect(nextSelection([c('a'), c('b', 'alerting'), c('c')], [c('b', 'alerting'), c('c')], 'a')).toBe('b');
    expect(nextSelection([c('a')], [], 'a')).toBeUndefined();
  });
});

describe('panel store', () => {
  it('announces each newly alerting conversation once, with a fresh sequence number', () => {
    const store = createPanelStore();
    const live = { connection: { status: 'live' as const }, conversations: [] };
    store.getState().apply({ type: 'snapshot', state: live });
    store.getState().apply({ type: 'patch', upsert: [{ ...c('a', 'alerting'), customerName: 'Ana' }] });
    expect(store.getState().announcement).toEqual({ text: 'Incoming Call from Ana', seq: 1 });
    store.getState().apply({ type: 'patch', upsert: [{ ...c('a'), customerName: 'Ana' }] }); // answered
    expect(store.getState().announcement?.seq).toBe(1);
    // A reconnect snapshot that still holds an alerting one is not news.
    store.getState().apply({ type: 'patch', upsert: [c('b', 'alerting', 1)] });
    store
      .getState()
      .apply({ type: 'snapshot', state: { ...live, conversations: [c('a'), c('b', 'alerting', 1)] } });
    expect(store.getState().announcement).toEqual({ text: 'Incoming Call from +1b', seq: 2 });
  });

  it('clears the announcement once the conversation it names is gone (sign-out): no customer name stays', () => {
    const store = createPanelStore();
    const live = { connection: { status: 'live' as const }, conversations: [] };
    store.getState().apply({ type: 'snapshot', state: live });
    store
      .getState()
      .apply({ type: 'patch', upsert: [{ ...c('a', 'alerting'), customerName: 'Ana' }, c('z')] });
    expect(store.getState().announcement?.text).toBe('Incoming Call from Ana');
    store.getState().apply({ type: 'patch', remove: ['z'] });
    expect(store.getState().announcement?.text).toBe('Incoming Call from Ana'); // Ana is still shown
    store.getState().apply({
      type: 'snapshot',
      state: { connection: { status: 'signed-out' as const }, conversations: [] },
    });
    expect(store.getState().announcement).toBeUndefined();
    expect(store.getState().announcedIds).toEqual([]);
  });

  it('the toggle command flips collapsed and asks for focus; other messages leave UI state alone', () => {
    const store = createPanelStore();
    store.getState().apply({ type: 'command', name: 'toggle-panel' });
    expect(store.getState().placement.collapsed).toBe(true);
    expect(store.getState().focusRequest).toBe(1);
    store.getState().apply({ type: 'diagnostics', text: 'x' });
    expect(store.getState().placement.collapsed).toBe(true);
    store.getState().toggleCollapsed();
    expect(store.getState()).toMatchObject({ placement: { collapsed: false }, focusRequest: 1 });
  });
});
