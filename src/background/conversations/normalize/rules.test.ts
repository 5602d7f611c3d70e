/**
 * The named rules of leg.ts, from-event.ts and from-rest.ts, on the cases the simulator never
 * builds (unknown states, missing names, flat REST participants). Each shared rule is checked on
 * the same conversation in both shapes, written by hand and typed with the SDK models.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { ME, QUEUE } from '../test-fixtures';
import { normalizeEvent } from './from-event';
import { normalizeRest } from './from-rest';
import type { Normalized } from './leg';

type EventParticipant = Models.ConversationEventTopicParticipant;
type RestParticipant = Models.Participant;
/** Media session fields valid in both shapes (the event and REST session models share them). */
type Sessions = Pick<EventParticipant, 'calls' | 'chats' | 'messages' | 'emails' | 'callbacks'> &
  Pick<RestParticipant, 'calls' | 'chats' | 'messages' | 'emails' | 'callbacks'>;

const FIRST_SEEN = 1_000;
const NOW = 2_000;
const T = (s: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, s)).toISOString();
/** The REST conversation's start (the SDK requires one); the event shape has none. */
const REST_START = Date.parse(T(0));

interface Parts {
  customer?: EventParticipant & RestParticipant;
  agents: (EventParticipant & RestParticipant)[];
}

/** The same conversation in both shapes: only fields both participant models have. */
function both({ customer, agents }: Parts) {
  const participants = customer ? [customer, ...agents] : agents;
  const event = { id: 'conv-1', participants } satisfies Models.ConversationEventTopicConversation;
  const rest = { id: 'conv-1', startTime: T(0), participants } satisfies Models.Conversation;
  return {
    event: normalizeEvent(event, ME, FIRST_SEEN),
    rest: normalizeRest(rest, ME, NOW),
  };
}

const agent = (sessions: Sessions, more: Partial<EventParticipant & RestParticipant> = {}) => ({
  id: 'p-agent',
  purpose: 'agent',
  userId: ME,
  ...sessions,
  ...more,
});

const viewOf = (n: Normalized) => (n.ended === false ? n.view : undefined);

describe('shared rules: the same conversation gives the same view from both shapes', () => {
  it('an unknown live state (email `none`) keeps the card as connected', () => {
    const { event, rest } = both({ agents: [agent({ emails: [{ state: 'none', subject: 'Hi' }] })] });
    expect(viewOf(event)).toMatchObject({ media: 'email', state: 'connected', subject: 'Hi' });
    expect(rest).toEqual({ ...event, view: { ...viewOf(event), startedAt: REST_START } });
  });

  it("the agent's own outbound call ringing the customer (contacting) is dialing, never alerting", () => {
    const out = both({ agents: [agent({ calls: [{ state: 'contacting', direction: 'outbound' }] })] });
    expect(viewOf(out.event)).toMatchObject({ state: 'dialing', direction: 'outbound' });
    expect(viewOf(out.rest)?.state).toBe('dialing');
    const offered = both({ agents: [agent({ callbacks: [{ state: 'alerting', direction: 'outbound' }] })] });
    expect(viewOf(offered.event)?.state).toBe('alerting'); // a callback offered to the agent still rings
    const inbound = both({ agents: [agent({ calls: [{ state: 'contacting', direction: 'inbound' }] })] });
    expect(viewOf(inbound.event)?.state).toBe('alerting');
  });

  it('disconnected is wrap-up while after-call work is pending, ended once it is done', () => {
    const pending = both({
      agents: [agent({ calls: [{ state: 'disconnected', afterCallWork: { state: 'pending' } }] })],
    });
    expect(viewOf(pending.event)?.state).toBe('wrapup');
    expect(viewOf(pending.rest)?.state).toBe('wrapup');
    const done = both({
      agents: [agent({ calls: [{ state: 'terminated', afterCallWork: { state: 'notApplicable' } }] })],
    });
    expect(done.event).toEqual({ id: 'conv-1', leg: 'p-agent', ended: true, rank: 4 });
    expect(done.rest).toEqual(done.event);
  });

  it('the customer name falls back to the call other side, the message sender, the callback user', () => {
    const customer = { id: 'p-c', purpose: 'customer', address: 'tel:+13175550101' };
    const cases: [Sessions, string, string][] = [
      [
        { calls: [{ state: 'alerting', other: { name: 'Otto', addressNormalized: 'tel:+1555' } }] },
        'Otto',
        '+1555',
      ],
      [
        { messages: [{ state: 'alerting', fromAddress: { name: 'Mia', addressNormalized: '+1666' } }] },
        'Mia',
        '+1666',
      ],
      [
        { callbacks: [{ state: 'scheduled', callbackUserName: 'Cal', callbackNumbers: ['+1777'] }] },
        'Cal',
        '+1777',
      ],
      [{ chats: [{ state: 'alerting' }] }, '', '+13175550101'],
    ];
    for (const [sessions, name, address] of cases) {
      const { event, rest } = both({ customer, agents: [agent(sessions)] });
      expect(viewOf(event)).toMatchObject({ customerAddress: address, state: 'alerting' });
      expect(viewOf(event)?.customerName || '').toBe(name);
      expect(viewOf(rest)).toEqual({ ...viewOf(event), startedAt: REST_START });
    }
  });

  it('a chat session without a direction is inbound (the event chat model has no direction)', () => {
    const { event, rest } = both({ agents: [agent({ chats: [{ state: 'connected' }] })] });
    expect(viewOf(event)).toMatchObject({ media: 'chat', direction: 'inbound', state: 'connected' });
    expect(viewOf(rest)).toEqual({ ...viewOf(event), startedAt: REST_START });
  });

  it('queue id from the routing data, times from the participant when the session has none', () => {
    const { event, rest } = both({
      customer: { id: 'p-c', purpose: 'customer', name: 'Dana', externalContactId: 'ec-1' },
      agents: [
        agent(
          { calls: [{ state: 'disconnected', afterCallWork: { state: 'pending' } }] },
          {
            conversationRoutingData: { queue: { id: QUEUE } },
            connectedTime: T(5),
            endTime: T(65),
          },
        ),
      ],
    });
    expect(viewOf(event)).toMatchObject({
      state: 'wrapup',
      queueId: QUEUE,
      externalContactId: 'ec-1',
      connectedAt: Date.parse(T(5)),
      endedAt: Date.parse(T(65)),
    });
    expect(viewOf(rest)).toEqual({ ...viewOf(event), startedAt: REST_START });
  });

  it('of several legs of ours, the last live one counts, else the last one', () => {
    const old = agent({ calls: [{ state: 'disconnected' }] }, { id: 'p-old' });
    const cur = agent({ calls: [{ state: 'alerting' }] }, { id: 'p-new' });
    const live = both({ agents: [old, cur, { ...old, id: 'p-later' }] });
    expect(live.event).toMatchObject({ leg: 'p-new', ended: false });
    expect(live.rest).toMatchObject({ leg: 'p-new', ended: false });
    const gone = both({ agents: [old, { ...old, id: 'p-last' }] });
    expect(gone.event).toMatchObject({ leg: 'p-last', ended: true });
    expect(gone.rest).toEqual(gone.event);
  });

  it('a participant of ours without a media session is no leg; another agent is none of ours', () => {
    expect(both({ agents: [agent({})] })).toEqual({
      event: { id: 'conv-1', ended: 'absent', rank: 0 },
      rest: { id: 'conv-1', ended: 'absent', rank: 0 },
    });
    const theirs = both({ agents: [agent({ calls: [{ state: 'alerting' }] }, { userId: 'someone-else' })] });
    expect(theirs.event.ended).toBe('absent');
    expect(theirs.rest.ended).toBe('absent');
  });
});

describe('event-only rules', () => {
  it('starts at first sight', () => {
    const body = { id: 'c', participants: [agent({ calls: [{ state: 'connected' }] })] };
    const n = normalizeEvent(body satisfies Models.ConversationEventTopicConversation, ME, FIRST_SEEN);
    expect(viewOf(n)).toMatchObject({ media: 'call', startedAt: FIRST_SEEN });
  });
});

describe('REST-only rules', () => {
  /** Some API versions put these on the REST participant too (from-rest.ts, FLAT FALLBACK). */
  type Flat = { state?: string; held?: boolean; direction?: string; startHoldTime?: string };
  type Loose = RestParticipant & Flat & { externalContact?: { id?: string } };
  const restAgent = (sessions: Sessions, more: Partial<Loose> = {}): Loose => ({
    id: 'p-agent',
    purpose: 'agent',
    userId: ME,
    ...sessions,
    ...more,
  });
  const rest = (participants: Loose[], startTime = T(0)) =>
    normalizeRest({ id: 'r', startTime, participants } satisfies Models.Conversation, ME, NOW);

  it('adds the queue name, the line address by direction, the participant start, externalContact.id', () => {
    const customer: Loose = {
      id: 'p-c',
      purpose: 'customer',
      externalContactId: 'flat',
      externalContact: { id: 'ec-7' },
    };
    const line = { ani: 'tel:+1111', dnis: 'tel:+2222', queueName: 'Billing', startTime: T(3) };
    const inbound = rest([
      customer,
      restAgent({ chats: [{ state: 'alerting', direction: 'inbound' }] }, line),
    ]);
    expect(viewOf(inbound)).toMatchObject({
      customerAddress: '+1111',
      queueName: 'Billing',
      startedAt: Date.parse(T(3)),
      externalContactId: 'ec-7',
    });
    const outbound = rest([restAgent({ emails: [{ state: 'connected', direction: 'outbound' }] }, line)]);
    expect(viewOf(outbound)?.customerAddress).toBe('+2222');
  });

  it('starts at the conversation start when the leg has none, else (unreadable) at `now`', () => {
    const parts = [restAgent({ calls: [{ state: 'alerting' }] })];
    expect(viewOf(rest(parts, T(1)))?.startedAt).toBe(Date.parse(T(1)));
    expect(viewOf(rest(parts, 'not a time'))?.startedAt).toBe(NOW);
  });

  it('a flat participant state, hold and direction fill gaps in the session; the session wins', () => {
    const flat: Flat = { state: 'connected', held: true, direction: 'outbound', startHoldTime: T(9) };
    const gap = rest([restAgent({ calls: [{ id: 'media-without-state' }] }, flat)]);
    expect(viewOf(gap)).toMatchObject({
      media: 'call',
      state: 'held',
      direction: 'outbound',
      heldSince: Date.parse(T(9)),
    });
    const own = rest([
      restAgent({ calls: [{ state: 'alerting', direction: 'inbound', held: false }] }, flat),
    ]);
    expect(viewOf(own)).toMatchObject({ state: 'alerting', direction: 'inbound' });
    const flatOnly = rest([restAgent({}, { state: 'connected' })]);
    expect(viewOf(flatOnly)).toMatchObject({ media: 'other', state: 'connected' });
  });
});
