import { describe, expect, it } from 'vitest';
import { capabilityStates, defaultCapabilities } from '../../shared/capabilities';
import type { CallsView, ConversationView, PanelState } from '../../shared/domain';
import { diffPanel } from './diff';

const view = (id: string, state: ConversationView['state'] = 'alerting'): ConversationView => ({
  id,
  media: 'call',
  state,
  startedAt: 1,
});

describe('diffPanel', () => {
  const a = view('a');
  const b = view('b');
  const base: PanelState = { connection: { status: 'live' }, conversations: [a, b] };

  it('is undefined when nothing changed', () => {
    expect(diffPanel(base, { ...base })).toBeUndefined();
  });

  it('sends only changed views and removed ids', () => {
    const b2 = view('b', 'connected');
    const c = view('c');
    const patch = diffPanel(base, { ...base, conversations: [b2, c] });
    expect(patch).toEqual({ type: 'patch', upsert: [b2, c], remove: ['a'] });
  });

  it('sends connection and agent changes, with null for a signed-out agent', () => {
    const withAgent: PanelState = { ...base, agent: { id: 'u', name: 'A', region: 'r' } };
    expect(
      diffPanel(withAgent, { ...withAgent, connection: { status: 'reconnecting' }, agent: undefined }),
    ).toEqual({
      type: 'patch',
      connection: { status: 'reconnecting' },
      agent: null,
    });
  });

  it('sends the capabilities and click-to-dial state when they change, null when gone', () => {
    const capabilities = capabilityStates(defaultCapabilities(), 'off', undefined);
    const calls: CallsView = { placing: '+13175550123' };
    const next = { ...base, capabilities, calls };
    expect(diffPanel(base, next)).toEqual({ type: 'patch', capabilities, calls });
    expect(diffPanel(next, { ...next })).toBeUndefined();
    expect(diffPanel(next, base)).toEqual({ type: 'patch', capabilities: null, calls: null });
  });
});
