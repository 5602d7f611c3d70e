import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import {
  activeViews,
  type ConversationsState,
  emptyConversations,
  MAX_TOMBSTONES,
  reduceConversations,
} from './reducer';
import { callEvent, ME, OTHER_AGENT, QUEUE, restCall } from './test-fixtures';

const ev = (s: ConversationsState, body: ReturnType<typeof callEvent>, at = 1000) =>
  reduceConversations(s, { type: 'event', body, me: ME, at });

describe('conversation reducer', () => {
  it('shows an alerting call with the caller number and queue id, then follows it to connected and held', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'alerting' }), 1000);
    let [v] = activeViews(s);
    expect(v).toMatchObject({
      id: 'conv-1',
      media: 'call',
      state: 'alerting',
      customerAddress: '+13175550101',
      queueId: QUEUE,
      startedAt: 1000,
    });
    s = ev(s, callEvent({ state: 'connected' }), 2000);
    s = ev(s, callEvent({ state: 'connected', held: true }), 3000);
    [v] = activeViews(s);
    expect(v?.state).toBe('held');
    expect(v?.heldSince).toBe(Date.parse('2026-11-23T10:01:00.000Z'));
    expect(v?.startedAt).toBe(1000); // first sight survives later snapshots
  });

  it('is idempotent: the same snapshot twice returns the same state object', () => {
    const s1 = ev(emptyConversations(), callEvent({ state: 'connected' }));
    const s2 = ev(s1, callEvent({ state: 'connected' }), 5000);
    expect(s2).toBe(s1);
  });

  it('ignores a stale snapshot that arrives after a newer one (reordered events)', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'connected' }), 2000);
    s = ev(s, callEvent({ state: 'alerting' }), 2500);
    expect(activeViews(s)[0]?.state).toBe('connected');
  });

  it('keeps a disconnected call in wrap-up until after-call work completes, then removes it for good', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'connected' }));
    s = ev(s, callEvent({ state: 'disconnected', acw: 'pending', wrapupRequired: true }), 2000);
    expect(activeViews(s)[0]?.state).toBe('wrapup');
    s = ev(
      s,
      callEvent({ state: 'disconnected', acw: 'complete', wrapupRequired: true, wrapupCode: 'Resolved' }),
      3000,
    );
    expect(activeViews(s)).toEqual([]);
    // A late duplicate of an older snapshot must not resurrect it as a ghost.
    s = ev(s, callEvent({ state: 'connected' }), 4000);
    expect(activeViews(s)).toEqual([]);
  });

  it('removes a call at once when no wrap-up is required', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'connected' }));
    s = ev(s, callEvent({ state: 'disconnected' }), 2000);
    expect(activeViews(s)).toEqual([]);
  });

  it('accepts a new leg of an ended conversation (transferred back to the same agent)', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'disconnected' }));
    s = ev(s, callEvent({ state: 'alerting', agentParticipantId: 'p-agent-2' }), 3000);
    expect(activeViews(s)[0]?.state).toBe('alerting');
  });

  it('ignores conversations in which this agent takes no part', () => {
    const s = ev(emptyConversations(), callEvent({ state: 'alerting', agent: OTHER_AGENT }));
    expect(activeViews(s)).toEqual([]);
  });

  it('orders conversations by arrival', () => {
    let s = ev(emptyConversations(), callEvent({ id: 'b', state: 'alerting' }), 2000);
    s = ev(s, callEvent({ id: 'a', state: 'alerting' }), 3000);
    expect(activeViews(s).map((v) => v.id)).toEqual(['b', 'a']);
  });

  it('bounds the tombstones it keeps', () => {
    let s = emptyConversations();
    for (let i = 0; i < MAX_TOMBSTONES + 50; i++)
      s = ev(s, callEvent({ id: `c${i}`, state: 'disconnected' }), i);
    expect(Object.keys(s.ended)).toHaveLength(MAX_TOMBSTONES);
    expect(s.ended[`c${MAX_TOMBSTONES + 49}`]).toBeDefined();
  });

  it('learns a queue name for every conversation in that queue', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'alerting' }));
    s = reduceConversations(s, { type: 'queue-name', queueId: QUEUE, name: 'Support' });
    expect(activeViews(s)[0]?.queueName).toBe('Support');
    expect(reduceConversations(s, { type: 'queue-name', queueId: QUEUE, name: 'Support' })).toBe(s);
  });

  it('names a consulted colleague’s queue once learned, and keeps the view while the consult is unchanged', () => {
    const consult = (): Models.ConversationEventTopicConversation => {
      const body = callEvent({ state: 'connected' });
      const dana = { id: 'p-dana', purpose: 'agent', userId: OTHER_AGENT, name: 'Dana Diaz', queueId: QUEUE };
      body.participants?.push({
        ...dana,
        consultParticipantId: 'p-customer',
        calls: [{ state: 'alerting' }],
      });
      return body;
    };
    let s = ev(emptyConversations(), consult());
    expect(activeViews(s)[0]?.transfer).toEqual({
      kind: 'consulting',
      parties: [{ name: 'Dana Diaz', queueId: QUEUE, queueName: undefined }],
      customerHeld: false,
    });
    s = reduceConversations(s, { type: 'queue-name', queueId: QUEUE, name: 'Support' });
    expect(activeViews(s)[0]?.transfer?.parties[0]?.queueName).toBe('Support');
    expect(ev(s, consult(), 2000)).toBe(s); // the same consult again: nothing changed, nothing lost
  });
});

describe('reconcile with GET /api/v2/conversations', () => {
  const rec = (
    s: ConversationsState,
    list: ReturnType<typeof restCall>[],
    requestedAt: number,
    at = requestedAt + 100,
  ) => reduceConversations(s, { type: 'reconcile', conversations: list, me: ME, requestedAt, at });

  it('adds conversations missed during a gap, with the REST queue name', () => {
    const s = rec(emptyConversations(), [restCall({ state: 'connected' })], 1000);
    expect(activeViews(s)[0]).toMatchObject({
      id: 'conv-1',
      state: 'connected',
      queueName: 'Support',
      customerAddress: '+13175550101',
    });
  });

  it('drops ghosts: conversations the server no longer lists', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'connected' }), 500);
    s = rec(s, [], 1000);
    expect(activeViews(s)).toEqual([]);
    s = ev(s, callEvent({ state: 'connected' }), 1500); // a late event of the dropped leg
    expect(activeViews(s)).toEqual([]);
  });

  it('keeps what events changed while the listing was in flight', () => {
    let s = ev(emptyConversations(), callEvent({ id: 'new', state: 'alerting' }), 1500);
    s = rec(s, [], 1000, 2000); // listing requested at 1000, before the event at 1500
    expect(activeViews(s).map((v) => v.id)).toEqual(['new']);
  });

  it('a listing that trails the events by lagMs keeps what rang within the lag, and drops it once older', () => {
    const lagged = (st: ConversationsState, requestedAt: number) =>
      reduceConversations(st, {
        type: 'reconcile',
        conversations: [],
        me: ME,
        requestedAt,
        at: requestedAt + 100,
        lagMs: 3000,
      });
    let s = ev(emptyConversations(), callEvent({ id: 'new', state: 'alerting' }), 1000);
    s = lagged(s, 2500); // rang 1.5 s before the listing was asked for: the listing may not show it yet
    expect(activeViews(s).map((v) => v.id)).toEqual(['new']);
    s = lagged(s, 4500); // the confirming listing, 3.5 s after the last event: gone on the server
    expect(activeViews(s)).toEqual([]);
  });

  it('does not bring back a conversation that ended after the listing was requested', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'connected' }), 500);
    s = ev(s, callEvent({ state: 'disconnected' }), 1500);
    s = rec(s, [restCall({ state: 'connected' })], 1000, 2000);
    expect(activeViews(s)).toEqual([]);
  });

  it('a lagging listing never lowers a leg: an event said connected, the listing still says alerting', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'alerting' }), 500);
    s = ev(s, callEvent({ state: 'connected' }), 800);
    s = rec(s, [restCall({ state: 'alerting' })], 1000, 2000);
    expect(activeViews(s)[0]?.state).toBe('connected');
  });

  it('never brings back a leg an event ended, even from a listing requested after the end', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'connected' }), 500);
    s = ev(s, callEvent({ state: 'disconnected' }), 800);
    s = rec(s, [restCall({ state: 'connected' })], 1000, 2000); // REST lags the disconnect
    expect(activeViews(s)).toEqual([]);
    // A new leg (transferred back to this agent) is newer evidence: it shows.
    const back = restCall({ state: 'connected' });
    const agent = back.participants?.[1];
    if (agent) agent.id = 'p-agent-2';
    expect(activeViews(rec(s, [back], 3000))[0]?.state).toBe('connected');
  });

  it('a ghost comes back only on newer evidence: a later listing, or an event of a higher rank', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'alerting' }), 500);
    s = rec(s, [], 1000, 1100); // the listing lagged behind the alert: removed as a ghost
    expect(activeViews(s)).toEqual([]);
    expect(activeViews(rec(s, [restCall({ state: 'alerting' })], 900, 1200))).toEqual([]); // older listing
    expect(activeViews(ev(s, callEvent({ state: 'alerting' }), 1300))).toEqual([]); // same rank: a late copy
    expect(activeViews(ev(s, callEvent({ state: 'connected' }), 1300))[0]?.state).toBe('connected');
    expect(activeViews(rec(s, [restCall({ state: 'alerting' })], 1500, 1600))[0]?.state).toBe('alerting');
  });

  it('keeps a wrap-up the listing omits or calls ended, until an event ends it', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'connected' }), 500);
    s = ev(s, callEvent({ state: 'disconnected', acw: 'pending', wrapupRequired: true }), 800);
    s = rec(s, [], 1000, 1100); // the listing leaves out after-call work
    expect(activeViews(s)[0]?.state).toBe('wrapup');
    s = rec(s, [restCall({ state: 'disconnected' })], 1200, 1300); // ended, as REST sees it without ACW
    expect(activeViews(s)[0]?.state).toBe('wrapup');
    s = ev(
      s,
      callEvent({ state: 'disconnected', acw: 'complete', wrapupRequired: true, wrapupCode: 'Resolved' }),
      1400,
    );
    expect(activeViews(s)).toEqual([]);
  });

  it('a kept wrap-up ends once its own REST answer shows the after-call work done (an end event lost in a gap)', () => {
    let s = ev(
      emptyConversations(),
      callEvent({ state: 'disconnected', acw: 'pending', wrapupRequired: true }),
      500,
    );
    s = rec(s, [], 1000, 1100);
    const verify = (conversation: Models.Conversation | undefined, requestedAt: number) =>
      reduceConversations(s, {
        type: 'verify-wrapup',
        id: 'conv-1',
        conversation,
        me: ME,
        requestedAt,
        at: requestedAt + 50,
      });
    /** The REST conversation after the call, with after-call work pending or done. */
    const afterCall = (done: boolean) => {
      const c = restCall({ state: 'disconnected' });
      const agent = c.participants?.[1];
      if (agent) {
        agent.wrapupRequired = true;
        if (done) agent.wrapup = { code: 'Resolved', name: 'Resolved' };
      }
      return c;
    };
    expect(verify(afterCall(false), 1200)).toBe(s); // still in after-call work: kept
    const done = afterCall(true);
    expect(activeViews(verify(done, 1200))).toEqual([]);
    expect(activeViews(verify(undefined, 1200))).toEqual([]); // 404: gone
    expect(verify(done, 400)).toBe(s); // asked before the last event: no evidence
  });

  it('shows wrap-up from REST when after-call work is pending', () => {
    const c = restCall({ state: 'disconnected' });
    const agent = c.participants[1];
    if (agent) agent.wrapupRequired = true;
    expect(activeViews(rec(emptyConversations(), [c], 1000))[0]?.state).toBe('wrapup');
  });

  it('carries the customer participant attributes (IVR data) from events and from REST', () => {
    const attributes = { intent: 'billing', account: '42' };
    let s = ev(emptyConversations(), callEvent({ state: 'alerting', attributes }), 1000);
    expect(activeViews(s)[0]?.attributes).toEqual(attributes);
    // The same attributes in a new snapshot are no change: the view keeps its identity.
    const same = ev(s, callEvent({ state: 'alerting', attributes: { ...attributes } }), 1100);
    expect(same).toBe(s);
    s = ev(s, callEvent({ state: 'connected', attributes: { ...attributes, intent: 'sales' } }), 1200);
    expect(activeViews(s)[0]?.attributes).toEqual({ intent: 'sales', account: '42' });
    expect(
      activeViews(ev(emptyConversations(), callEvent({ state: 'alerting', attributes: {} })))[0],
    ).not.toHaveProperty('attributes', expect.anything());
    const r = rec(emptyConversations(), [restCall({ state: 'connected', attributes })], 1000);
    expect(activeViews(r)[0]?.attributes).toEqual(attributes);
  });

  it('clear empties everything (sign-out)', () => {
    const s = ev(emptyConversations(), callEvent({ state: 'connected' }));
    expect(reduceConversations(s, { type: 'clear' })).toEqual(emptyConversations());
  });
});
