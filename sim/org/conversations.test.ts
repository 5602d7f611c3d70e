/** Conversations: scenario actions, published snapshots, REST views and the truth. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS } from '../index';
import { isTopic, live, raw, sleep, type TestClock, testClock, testSim } from '../test-helpers';
import type { MediaType } from '../types';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
const casey = SEED_USERS.casey.id;
let sim: Sim;
let clock: TestClock;

type Body = Models.ConversationEventTopicConversation;
type Part = Models.ConversationEventTopicParticipant;

const MEDIA_KEY: Record<MediaType, keyof Part> = {
  call: 'calls',
  callback: 'callbacks',
  chat: 'chats',
  message: 'messages',
  email: 'emails',
};

/** Checks the invariants every conversation event must satisfy. */
function checkSnapshot(body: Body, media: MediaType): void {
  expect(body.id).toEqual(expect.any(String));
  expect(Array.isArray(body.participants)).toBe(true);
  for (const p of body.participants ?? []) {
    const loose = p as Record<string, unknown>;
    for (const k of ['state', 'direction', 'ani', 'dnis']) expect(loose).not.toHaveProperty(k);
    expect(['customer', 'agent', 'acd']).toContain(p.purpose);
    const items = p[MEDIA_KEY[media]] as { state?: string }[];
    expect(items).toHaveLength(1);
    for (const item of items) expect(item.state).toMatch(/^[a-z]+$/);
    for (const other of Object.values(MEDIA_KEY))
      if (other !== MEDIA_KEY[media]) expect(p[other]).toEqual([]);
    if (p.purpose === 'agent') {
      expect(p.userId).toEqual(expect.any(String));
      expect(typeof p.wrapupRequired).toBe('boolean');
    }
  }
}

function agentOf(body: Body, userId: string): Part[] {
  return (body.participants ?? []).filter((p) => p.purpose === 'agent' && p.userId === userId);
}

beforeEach(async () => {
  clock = testClock();
  sim = await testSim({ now: clock.now });
});
afterEach(() => sim.close());

describe('inbound call lifecycle', () => {
  it('every step is a full snapshot with lower-case media states; truth follows', async () => {
    const { frames } = await live(sim, alex, ['conversations']);
    const bodies = () => frames.list.filter(isTopic('.conversations')).map((f) => f.eventBody as Body);
    sim.setPresence(alex, 'On Queue');
    const id = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { name: 'Ava Adams', address: '+13175550101', externalContactId: 'ec-9' },
      queue: { name: 'Support' },
      attributes: { intent: 'billing' },
    });
    expect(sim.truth(alex)).toEqual([
      {
        id,
        media: 'call',
        state: 'alerting',
        customerAddress: '+13175550101',
        customerName: 'Ava Adams',
        queueName: 'Support',
        externalContactId: 'ec-9',
      },
    ]);
    await frames.next(isTopic('.conversations'));
    const first = bodies()[0] as Body;
    checkSnapshot(first, 'call');
    const customer = first.participants?.find((p) => p.purpose === 'customer');
    expect(customer).toMatchObject({
      name: 'Ava Adams',
      address: 'tel:+13175550101',
      externalContactId: 'ec-9',
      attributes: { intent: 'billing' },
    });
    expect(customer?.calls?.[0]).toMatchObject({ state: 'connected', direction: 'inbound' });
    const acd = first.participants?.find((p) => p.purpose === 'acd');
    expect(acd).toMatchObject({ name: 'Support', queueId: expect.any(String) });
    const [agent] = agentOf(first, alex);
    expect(agent).toMatchObject({
      name: 'Alex Agent',
      queueId: acd?.queueId,
      wrapupRequired: true,
      conversationRoutingData: { queue: { id: acd?.queueId } },
    });
    expect(agent?.calls?.[0]).toMatchObject({
      state: 'alerting',
      direction: 'inbound',
      held: false,
      other: { addressNormalized: 'tel:+13175550101', name: 'Ava Adams' },
    });

    sim.act(id, { type: 'answer' });
    expect(sim.truth(alex)[0]?.state).toBe('connected');
    sim.act(id, { type: 'hold' });
    expect(sim.truth(alex)[0]?.state).toBe('held');
    sim.act(id, { type: 'unhold' });
    sim.act(id, { type: 'setAttributes', attributes: { tier: 'Gold' } });
    sim.act(id, { type: 'disconnect', by: 'customer' });
    expect(sim.truth(alex)[0]?.state).toBe('wrapup');
    clock.advance(15_000);
    sim.act(id, { type: 'wrapup', code: 'Resolved', notes: 'ok' });
    expect(sim.truth(alex)).toEqual([]);

    await frames.next(() => bodies().length >= 7);
    const all = bodies();
    expect(all).toHaveLength(7);
    for (const b of all) {
      checkSnapshot(b, 'call');
      expect(b.id).toBe(id);
      expect(b.participants).toHaveLength(3);
    }
    const states = all.map((b) => agentOf(b, alex)[0]?.calls?.[0]);
    expect(states.map((c) => c?.state)).toEqual([
      'alerting',
      'connected',
      'connected',
      'connected',
      'connected',
      'disconnected',
      'disconnected',
    ]);
    expect(states[2]).toMatchObject({ held: true, startHoldTime: expect.any(String) });
    expect(states[3]?.held).toBe(false);
    expect(all[4]?.participants?.find((p) => p.purpose === 'customer')?.attributes).toEqual({
      intent: 'billing',
      tier: 'Gold',
    });
    expect(all[1]?.participants?.find((p) => p.purpose === 'acd')?.calls?.[0]).toMatchObject({
      state: 'disconnected',
      disconnectType: 'transfer',
    });
    expect(states[5]).toMatchObject({ disconnectType: 'peer', afterCallWork: { state: 'pending' } });
    const done = agentOf(all[6] as Body, alex)[0];
    expect(done?.calls?.[0]?.afterCallWork?.state).toBe('complete');
    expect(done?.wrapup).toMatchObject({ code: 'Resolved', notes: 'ok', durationSeconds: 15 });
    expect(done?.endAcwTime).toEqual(expect.any(String));
    expect(all[5]?.participants?.find((p) => p.purpose === 'customer')?.calls?.[0]?.disconnectType).toBe(
      'endpoint',
    );
    frames.ws.close();
  });

  it('REST participant has a flat state; restParticipantState:false drops it', async () => {
    await sim.close();
    sim = await testSim({ now: clock.now, restParticipantState: true });
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550101' } });
    sim.act(id, { type: 'answer' });
    const t = sim.issueToken({ userId: alex }).access_token;
    const conv = (
      await raw(sim, { path: `/api/v2/conversations/${id}`, token: t })
    ).json() as Models.Conversation;
    expect(conv.participants.find((p) => p.purpose === 'agent')).toMatchObject({ state: 'connected' });
    const s2 = await testSim({ restParticipantState: false });
    try {
      const id2 = s2.startConversation({
        userId: alex,
        media: 'call',
        customer: { address: '+13175550101' },
      });
      const t2 = s2.issueToken({ userId: alex }).access_token;
      const c2 = (
        await raw(s2, { path: `/api/v2/conversations/${id2}`, token: t2 })
      ).json() as Models.Conversation;
      expect(c2.participants.find((p) => p.purpose === 'agent')).not.toHaveProperty('state');
    } finally {
      await s2.close();
    }
  });
});

describe('transfer and consult', () => {
  it('transfer: original agent disconnected with ACW pending, target alerting; both get snapshots', async () => {
    const a = await live(sim, alex, ['conversations']);
    const b = await live(sim, blair, ['conversations']);
    sim.setPresence(alex, 'On Queue');
    const id = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550102' },
      queue: { name: 'Sales' },
    });
    sim.act(id, { type: 'answer' });
    sim.act(id, { type: 'transfer', toUserId: blair });
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id, state: 'wrapup' })]);
    expect(sim.truth(blair)).toEqual([
      expect.objectContaining({ id, state: 'alerting', queueName: 'Sales' }),
    ]);
    const ev = (await b.frames.next(isTopic('.conversations'))).eventBody as Body;
    checkSnapshot(ev, 'call');
    expect(agentOf(ev, alex)[0]?.calls?.[0]).toMatchObject({
      state: 'disconnected',
      disconnectType: 'transfer',
      afterCallWork: { state: 'pending' },
    });
    expect(agentOf(ev, blair)[0]?.calls?.[0]?.state).toBe('alerting');
    expect(ev.recentTransfers?.[0]).toMatchObject({
      destination: { userId: blair },
      initiator: { userId: alex },
    });
    await a.frames.next(() => a.frames.list.length >= 3);
    sim.act(id, { type: 'wrapup', userId: alex });
    expect(sim.truth(alex)).toEqual([]);
    sim.act(id, { type: 'answer' });
    expect(sim.truth(blair)[0]?.state).toBe('connected');
    sim.act(id, { type: 'disconnect', by: 'agent' });
    expect(sim.truth(blair)[0]?.state).toBe('wrapup');
    sim.act(id, { type: 'wrapup' });
    expect(sim.truth(blair)).toEqual([]);
    a.frames.ws.close();
    b.frames.ws.close();
  });

  it('consult adds an alerting agent; the first agent leaving keeps the customer with the second', () => {
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550103' } });
    sim.act(id, { type: 'answer' });
    sim.act(id, { type: 'consult', toUserId: casey });
    expect(sim.truth(casey)[0]?.state).toBe('alerting');
    expect(sim.truth(alex)[0]?.state).toBe('connected');
    sim.act(id, { type: 'answer', userId: casey });
    sim.act(id, { type: 'disconnect', by: 'agent', userId: alex });
    expect(sim.truth(alex)[0]?.state).toBe('wrapup');
    expect(sim.truth(casey)[0]?.state).toBe('connected');
    sim.act(id, { type: 'disconnect', by: 'agent', userId: casey });
    sim.act(id, { type: 'wrapup', userId: casey });
    sim.act(id, { type: 'wrapup', userId: alex });
    expect(sim.truth(alex)).toEqual([]);
    expect(sim.truth(casey)).toEqual([]);
  });
});

describe('media and variants', () => {
  it('message items carry from/to addresses and the type', async () => {
    const { frames } = await live(sim, alex, ['conversations']);
    sim.startConversation({
      userId: alex,
      media: 'message',
      messageType: 'whatsapp',
      customer: { name: 'Ben', address: '+13175550104' },
    });
    const ev = (await frames.next(isTopic('.conversations'))).eventBody as Body;
    checkSnapshot(ev, 'message');
    expect(agentOf(ev, alex)[0]?.messages?.[0]).toMatchObject({
      state: 'alerting',
      type: 'whatsapp',
      fromAddress: { addressNormalized: '+13175550104' },
      toAddress: { addressNormalized: '+18005550100' },
    });
    frames.ws.close();
  });

  it('email items carry the subject; chats and callbacks have their items', async () => {
    const { frames } = await live(sim, alex, ['conversations']);
    sim.startConversation({
      userId: alex,
      media: 'email',
      customer: { address: 'z@example.com' },
      subject: 'Invoice',
    });
    sim.startConversation({ userId: alex, media: 'chat', customer: { address: 'chat-guest' } });
    sim.startConversation({
      userId: alex,
      media: 'callback',
      customer: { name: 'Cal', address: '+13175550105' },
    });
    await frames.next(() => frames.list.length >= 3);
    const [email, chat, callback] = frames.list.map((f) => f.eventBody as Body);
    checkSnapshot(email as Body, 'email');
    checkSnapshot(chat as Body, 'chat');
    checkSnapshot(callback as Body, 'callback');
    expect(agentOf(email as Body, alex)[0]?.emails?.[0]).toMatchObject({
      subject: 'Invoice',
      state: 'alerting',
    });
    expect(agentOf(callback as Body, alex)[0]?.callbacks?.[0]).toMatchObject({
      callbackNumbers: ['+13175550105'],
    });
    expect(
      (callback as Body).participants?.find((p) => p.purpose === 'customer')?.callbacks?.[0]?.state,
    ).toBe('scheduled');
    expect(sim.truth(alex).map((t) => t.media)).toEqual(['email', 'chat', 'callback']);
    frames.ws.close();
  });

  it('outbound calls start connected for the agent; the customer is contacted until answered', () => {
    const id = sim.startConversation({
      userId: alex,
      media: 'call',
      direction: 'outbound',
      customer: { address: '+13175550106' },
    });
    expect(sim.truth(alex)[0]?.state).toBe('connected');
    sim.act(id, { type: 'answer' });
    expect(sim.truth(alex)[0]?.state).toBe('connected');
  });

  it('alert:false queues without an agent until the alert action', async () => {
    const { frames } = await live(sim, alex, ['conversations']);
    const id = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550107' },
      alert: false,
    });
    expect(sim.truth(alex)).toEqual([]);
    await sleep(20);
    expect(frames.list).toEqual([]);
    sim.act(id, { type: 'alert' });
    expect(sim.truth(alex)[0]?.state).toBe('alerting');
    await frames.next(isTopic('.conversations'));
    frames.ws.close();
  });

  it('wrapupRequired:false ends with the disconnect; an unanswered alert needs no wrap-up', () => {
    const a = sim.startConversation({
      userId: alex,
      media: 'chat',
      customer: { address: 'g' },
      wrapupRequired: false,
    });
    sim.act(a, { type: 'answer' });
    sim.act(a, { type: 'disconnect', by: 'agent' });
    expect(sim.truth(alex)).toEqual([]);
    const b = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550108' } });
    sim.act(b, { type: 'disconnect', by: 'customer' });
    expect(sim.truth(alex)).toEqual([]);
  });

  it('truth is sorted by start and invalid actions throw', () => {
    const a = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+1' } });
    clock.advance(10);
    const b = sim.startConversation({ userId: alex, media: 'chat', customer: { address: 'x' } });
    expect(sim.truth(alex).map((t) => t.id)).toEqual([a, b]);
    expect(() => sim.act('nope', { type: 'answer' })).toThrow(/unknown conversation/);
    expect(() => sim.act(a, { type: 'hold' })).toThrow(/no connected agent/);
    expect(() =>
      sim.startConversation({ userId: 'nobody', media: 'call', customer: { address: '+1' } }),
    ).toThrow(/unknown user/);
  });
});
