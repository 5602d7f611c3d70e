/**
 * The reconcile against a strict listing (issue 12 §3): it trails the events by up to `lagMs`, and
 * what the feed could not confirm on its own (`unconfirmed`) is no evidence either way.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import {
  activeViews,
  type ConversationsState,
  type Entry,
  emptyConversations,
  keptWhenAbsent,
  reduceConversations,
} from './reducer';
import { callEvent, ME, restCall } from './test-fixtures';

const LAG = 3000;
const ev = (s: ConversationsState, body: ReturnType<typeof callEvent>, at: number) =>
  reduceConversations(s, { type: 'event', body, me: ME, at });
const lagged = (
  s: ConversationsState,
  conversations: Models.Conversation[],
  requestedAt: number,
  unconfirmed?: string[],
) =>
  reduceConversations(s, {
    type: 'reconcile',
    conversations,
    me: ME,
    requestedAt,
    at: requestedAt + 100,
    lagMs: LAG,
    ...(unconfirmed ? { unconfirmed } : {}),
  });

/** The REST call as the listing shows it, held or not. */
function restHeld(held: boolean): Models.Conversation {
  const c = restCall({ state: 'connected' });
  const call = c.participants?.[1]?.calls?.[0];
  if (call) call.held = held;
  return c;
}

describe('reconcile with a listing that lags the events', () => {
  it('keeps a same-rank change (held ↔ connected) made within the lag, and takes the listing once it is older', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'connected' }), 1000);
    s = ev(s, callEvent({ state: 'connected', held: true }), 5000); // the agent holds
    s = lagged(s, [restHeld(false)], 6000); // taken before the hold reached REST
    expect(activeViews(s)[0]?.state).toBe('held');
    s = lagged(s, [restHeld(false)], 8500); // 3.5 s after the hold: REST says connected, it is
    expect(activeViews(s)[0]?.state).toBe('connected');
  });

  it('still takes a higher rank from a listing within the lag (progress the events missed)', () => {
    let s = ev(emptyConversations(), callEvent({ state: 'alerting' }), 5000);
    s = lagged(s, [restCall({ state: 'connected' })], 6000);
    expect(activeViews(s)[0]?.state).toBe('connected');
  });

  it('keeps a conversation left out of the listing whose own REST answer could not be had', () => {
    const s = ev(emptyConversations(), callEvent({ state: 'connected' }), 1000);
    expect(activeViews(lagged(s, [], 9000, ['conv-1']))[0]?.state).toBe('connected');
    expect(activeViews(lagged(s, [], 9000))).toEqual([]); // no such doubt: gone on the server
  });

  it('a connected call the listing omits but whose own answer shows after-call work becomes a wrap-up', () => {
    const s = ev(emptyConversations(), callEvent({ state: 'connected' }), 1000);
    const own = restCall({ state: 'disconnected' }); // GET /conversations/{id}: ended, wrap-up pending
    const agent = own.participants?.[1];
    if (agent) agent.wrapupRequired = true;
    expect(activeViews(lagged(s, [own], 9000))[0]?.state).toBe('wrapup');
  });
});

describe('the date of what a listing sets', () => {
  it('is as of the listing’s view (requestedAt − lag), so the next listing that omits it can judge it', () => {
    // A restored alerting call; a lagging listing still shows it ringing (with its queue name): the
    // entry changes. The next listing leaves it out (after-call work): its absence must be checked.
    let s = ev(emptyConversations(), callEvent({ state: 'alerting' }), 1_000);
    s = lagged(s, [restCall({ state: 'alerting', queueName: 'Billing' })], 5_000);
    const [entry] = s.entries;
    expect(entry?.view.queueName).toBe('Billing');
    expect(entry?.at).toBe(5_000 - LAG);
    expect(keptWhenAbsent(entry as Entry, 7_000, LAG)).toBe(false);
  });
});
