import { describe, expect, it } from 'vitest';
import type { ConversationView, PanelState } from './domain';
import { applyToClient, initialPanelState } from './panel-state';

const c = (
  id: string,
  startedAt: number,
  state: ConversationView['state'] = 'alerting',
): ConversationView => ({
  id,
  media: 'call',
  state,
  startedAt,
});

describe('applyToClient', () => {
  const snap: PanelState = {
    connection: { status: 'live' },
    agent: { id: 'u', name: 'A', region: 'r' },
    conversations: [c('a', 1)],
  };

  it('replaces state on snapshot and ignores diagnostics', () => {
    const s = applyToClient(initialPanelState, { type: 'snapshot', state: snap });
    expect(s).toEqual(snap);
    expect(applyToClient(s, { type: 'diagnostics', text: 'x' })).toBe(s);
  });

  it('upserts in arrival order, removes, and clears the agent on null', () => {
    const s = applyToClient(snap, {
      type: 'patch',
      upsert: [c('z', 0), c('a', 1, 'connected')],
      remove: [],
      agent: null,
    });
    expect(s.conversations.map((v) => [v.id, v.state])).toEqual([
      ['z', 'alerting'],
      ['a', 'connected'],
    ]);
    expect(s.agent).toBeUndefined();
    expect(applyToClient(s, { type: 'patch', remove: ['z'] }).conversations.map((v) => v.id)).toEqual(['a']);
    expect(applyToClient(s, { type: 'patch' }).conversations).toBe(s.conversations);
  });

  it('patches keep the capabilities and click-to-dial state, replace them, or drop them on null', () => {
    const withCalls = applyToClient(initialPanelState, {
      type: 'snapshot',
      state: { ...snap, calls: { placing: '+13175550123' } },
    });
    const kept = applyToClient(withCalls, { type: 'patch', connection: { status: 'reconnecting' } });
    expect(kept.calls).toEqual({ placing: '+13175550123' });
    const failed = { number: '+1', error: { code: 'dial-no-station' as const } };
    expect(applyToClient(kept, { type: 'patch', calls: { failed } }).calls).toEqual({ failed });
    expect(applyToClient(kept, { type: 'patch', calls: null }).calls).toBeUndefined();
    // A snapshot without them (signed out: undefined does not cross the port) clears them.
    expect(applyToClient(kept, { type: 'snapshot', state: snap }).calls).toBeUndefined();
  });
});
