/**
 * One conversation, two paths, one view: the simulator builds both payloads from the same org
 * state (the event body an agent's socket receives and `GET /api/v2/conversations/{id}`), and the
 * two adapters must agree on every step of a conversation's life, for every media and for both
 * REST variants (with and without the flat participant `state`).
 *
 * The one field only REST can give is the queue's name (leg.ts: events name the queue by id; so
 * for the other agents of a transfer too); the event path starts at first sight, which is when the
 * agent's leg began.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ConversationAction,
  type MediaType,
  SEED_USERS,
  type Sim,
  type SimOptions,
} from '../../../../sim/index';
import {
  type Frames,
  isTopic,
  live,
  raw,
  type TestClock,
  testClock,
  testSim,
} from '../../../../sim/test-helpers';
import { transferText } from '../../../shared/transfer-text';
import { lookupKeyOf } from '../../crm/connector';
import { normalizeEvent } from './from-event';
import { normalizeRest } from './from-rest';
import type { Normalized } from './leg';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
const STEP_MS = 5_000;

interface Agent {
  id: string;
  token: string;
  frames: Frames;
  /** When this agent's current leg began: the event path's first sight. */
  legStart: number;
}

let sim: Sim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function agent(s: Sim, id: string, clock: TestClock): Promise<Agent> {
  const { token, frames } = await live(s, id, ['conversations']);
  return { id, token, frames, legStart: clock.now() };
}

/** The latest event body this agent received for the conversation, once `count` have come. */
async function latestEvent(a: Agent, convId: string, count: number) {
  const bodies = () =>
    a.frames.list
      .filter(isTopic('.conversations'))
      .map((f) => f.eventBody as Models.ConversationEventTopicConversation)
      .filter((b) => b.id === convId);
  await a.frames.next(() => bodies().length >= count);
  return bodies()[count - 1] as Models.ConversationEventTopicConversation;
}

/** Both paths for one agent at one moment; asserts they agree and returns the REST one. */
async function bothPaths(s: Sim, a: Agent, convId: string, count: number): Promise<Normalized> {
  const event = await latestEvent(a, convId, count);
  const res = await raw(s, { path: `/api/v2/conversations/${convId}`, token: a.token });
  expect(res.status).toBe(200);
  const rest = normalizeRest(res.json() as Models.Conversation, a.id, 0);
  const fromEvent = normalizeEvent(event, a.id, a.legStart);
  if (rest.ended === false) {
    expect(rest.view.queueName).toBe('Support');
    const transfer = rest.view.transfer && {
      ...rest.view.transfer,
      parties: rest.view.transfer.parties.map((p) => ({ ...p, queueName: undefined })),
    };
    expect(fromEvent).toEqual({ ...rest, view: { ...rest.view, queueName: undefined, transfer } });
  } else {
    expect(fromEvent).toEqual(rest);
  }
  return rest;
}

/** Alex and Blair live; a call from `address` on the Support queue rings for Alex. */
async function twoAgentsOnACall(flat: boolean, address: string, switches: Partial<SimOptions> = {}) {
  const clock = testClock();
  const s = await testSim({ now: clock.now, restParticipantState: flat, ...switches });
  sim = s;
  s.setPresence(alex, 'On Queue'); // the queue offers its conversations only to agents on queue
  const a = await agent(s, alex, clock);
  const b = await agent(s, blair, clock);
  const id = s.startConversation({
    userId: alex,
    media: 'call',
    customer: { address },
    queue: { name: 'Support' },
  });
  return { clock, a, b, id, sim: s };
}

/** What the agent's panel says of the others on the conversation (none: ''). */
const says = (n: Normalized) => {
  if (n.ended !== false || !n.view.transfer) return n.ended === true ? 'ended' : '';
  const { text, held } = transferText(n.view.transfer);
  return held ? `${text} ${held}` : text;
};

const MEDIA: readonly MediaType[] = ['call', 'callback', 'chat', 'message', 'email'];

describe.each([true, false])('event and REST give the same view (REST flat state: %s)', (flat) => {
  it.each(MEDIA)('%s: alerting, connected, held, wrap-up, done; every field', async (media) => {
    const clock = testClock();
    sim = await testSim({ now: clock.now, restParticipantState: flat });
    sim.setPresence(alex, 'On Queue'); // the queue offers its conversations only to agents on queue
    const a = await agent(sim, alex, clock);
    const id = sim.startConversation({
      userId: alex,
      media,
      customer: {
        name: 'Ava Adams',
        address: media === 'email' ? 'ava@example.com' : '+13175550101',
        externalContactId: 'ec-9',
      },
      queue: { name: 'Support' },
      attributes: { intent: 'billing' },
      subject: media === 'email' ? 'Invoice' : undefined,
    });
    const steps: (ConversationAction | undefined)[] = [
      undefined,
      { type: 'answer' },
      { type: 'hold' },
      { type: 'unhold' },
      { type: 'disconnect', by: 'customer' },
      { type: 'wrapup', code: 'Resolved' },
    ];
    const seen: string[] = [];
    for (const [i, action] of steps.entries()) {
      if (action) {
        clock.advance(STEP_MS);
        sim.act(id, action);
      }
      const n = await bothPaths(sim, a, id, i + 1);
      if (n.ended === false) {
        expect(n.view).toMatchObject({ ...sim.truth(alex)[0], attributes: { intent: 'billing' } });
        expect(n.view.startedAt).toBe(a.legStart);
      }
      seen.push(n.ended === false ? n.view.state : n.ended === true ? 'ended' : 'absent');
    }
    expect(seen).toEqual(['alerting', 'connected', 'held', 'connected', 'wrapup', 'ended']);
    a.frames.ws.close();
  });

  it('a call transferred away and back: two legs of the same agent, both agents, every step', async () => {
    const { clock, a, b, id, sim: s } = await twoAgentsOnACall(flat, '+13175550102');
    const steps: [ConversationAction, Agent | undefined][] = [
      [{ type: 'answer' }, undefined],
      [{ type: 'transfer', toUserId: blair }, b],
      [{ type: 'answer', userId: blair }, undefined],
      [{ type: 'transfer', toUserId: alex, userId: blair }, a],
      [{ type: 'answer', userId: alex }, undefined],
    ];
    let count = 1;
    await bothPaths(s, a, id, count);
    const legs = new Set<string>();
    const said: [string, string][] = [];
    for (const [action, alerted] of steps) {
      clock.advance(STEP_MS);
      if (alerted) alerted.legStart = clock.now();
      s.act(id, action);
      count++;
      const mine = await bothPaths(s, a, id, count);
      if (mine.ended !== 'absent') legs.add(mine.leg);
      // Blair's socket only hears of the conversation from the first transfer on.
      said.push([says(mine), count > 2 ? says(await bothPaths(s, b, id, count - 2)) : '']);
    }
    expect(legs.size).toBe(2); // the transfer back is a new leg for Alex
    // Each step as each agent's panel says it: [Alex, Blair]. The queue's name is REST's.
    expect(said).toEqual([
      ['', ''],
      [
        'Transferred to Blair Agent (Support) (blind transfer)',
        'Transferred from Alex Agent (Support) (blind transfer)',
      ],
      [
        'Transferred to Blair Agent (Support) (blind transfer)',
        'Transferred from Alex Agent (Support) (blind transfer)',
      ],
      [
        'Transferred from Blair Agent (Support) (blind transfer)',
        'Transferred to Alex Agent (Support) (blind transfer)',
      ],
      [
        'Transferred from Blair Agent (Support) (blind transfer)',
        'Transferred to Alex Agent (Support) (blind transfer)',
      ],
    ]);
    a.frames.ws.close();
    b.frames.ws.close();
  });

  // Which disconnect a completed consult leaves and whether the destination keeps its
  // consultParticipantId are [?]: every combination must still read "after a consult".
  it.each([
    ['completed', 'completeConsult', {}],
    ['cancelled', 'cancelConsult', {}],
    ['completed (disconnect transfer)', 'completeConsult', { consultDisconnectType: 'transfer' }],
    [
      'completed (disconnect transfer, link cleared: only recentTransfers says consult)',
      'completeConsult',
      { consultDisconnectType: 'transfer', consultLinkOnComplete: 'cleared' },
    ],
  ] as const)('a consult %s: both agents see each step from both paths', async (_, end, switches) => {
    const { clock, a, b, id, sim: s } = await twoAgentsOnACall(flat, '+13175550103', switches);
    await bothPaths(s, a, id, 1);
    clock.advance(STEP_MS);
    s.act(id, { type: 'answer' });
    await bothPaths(s, a, id, 2);
    clock.advance(STEP_MS);
    b.legStart = clock.now();
    s.act(id, { type: 'consult', toUserId: blair });
    const alexView = await bothPaths(s, a, id, 3);
    const blairView = await bothPaths(s, b, id, 1);
    const said = [[says(alexView), says(blairView)]];
    // Blair's card is the same customer's at once: the same lookup key as Alex's.
    if (alexView.ended !== false || blairView.ended !== false) throw new Error('both are live');
    expect(lookupKeyOf(blairView.view, 'US')).toEqual(lookupKeyOf(alexView.view, 'US'));
    for (const [i, action] of [{ type: 'answer', userId: blair }, { type: end }].entries()) {
      clock.advance(STEP_MS);
      s.act(id, action as ConversationAction);
      said.push([says(await bothPaths(s, a, id, 4 + i)), says(await bothPaths(s, b, id, 2 + i))]);
    }
    const consulting = [
      'Consulting Blair Agent (Support) The customer is on hold.',
      'Consult from Alex Agent (Support)',
    ];
    expect(said).toEqual([
      consulting,
      consulting,
      end === 'completeConsult'
        ? [
            'Transferred to Blair Agent (Support) (after a consult)',
            'Transferred from Alex Agent (Support) (after a consult)',
          ]
        : ['', ''], // back with the customer alone; Blair (who had answered) wraps up
    ]);
    a.frames.ws.close();
    b.frames.ws.close();
  });
});
