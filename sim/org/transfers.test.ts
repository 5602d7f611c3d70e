/**
 * Consult and blind transfers between two agents (issue 14): the participant fields
 * (`consultParticipantId`, held/confined, `disconnectType: transfer…`, after-call work) and
 * `recentTransfers`, on both agents' topics and in REST; the `consultDisconnectType` switch.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sim, SimOptions } from '../index';
import { SEED_USERS } from '../index';
import { type Frames, isTopic, live, raw, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
let sim: Sim;
afterEach(() => sim.close());

type Ev = Models.ConversationEventTopicConversation;
type EvPart = Models.ConversationEventTopicParticipant;

/** Alex connected with a customer; both agents live on their conversations topic. */
async function setup(o: SimOptions = {}) {
  sim = await testSim({ restLagMs: 0, ...o });
  const a = await live(sim, alex, ['conversations']);
  const b = await live(sim, blair, ['conversations']);
  const id = sim.startConversation({
    userId: alex,
    media: 'call',
    customer: { name: 'Cy', address: '+13175550177' },
  });
  sim.act(id, { type: 'answer' });
  return { id, a: a.frames, b: b.frames, token: a.token };
}

/** The latest conversation snapshot a socket has received so far, after waiting for `pred`. */
async function latest(frames: Frames, pred: (ev: Ev) => boolean): Promise<Ev> {
  await frames.next((f) => isTopic('.conversations')(f) && pred(f.eventBody as Ev));
  const all = frames.list.filter(isTopic('.conversations')).map((f) => f.eventBody as Ev);
  return all[all.length - 1] as Ev;
}

const agents = (ev: Ev | Models.Conversation, userId: string) =>
  ((ev.participants ?? []) as EvPart[]).filter((p) => p.purpose === 'agent' && p.userId === userId);
const customer = (ev: Ev | Models.Conversation) =>
  ((ev.participants ?? []) as EvPart[]).find((p) => p.purpose === 'customer');
const hasUser = (userId: string) => (ev: Ev) => agents(ev, userId).length > 0;

describe('consult', () => {
  it('starts: B alerting with consultParticipantId = customer; customer held+confined; transfer attended/active; both topics', async () => {
    const { id, a, b, token } = await setup();
    sim.act(id, { type: 'consult', toUserId: blair });
    for (const frames of [a, b]) {
      const ev = await latest(frames, hasUser(blair));
      const cust = customer(ev);
      const dest = agents(ev, blair)[0];
      expect(dest?.consultParticipantId).toBe(cust?.id);
      expect(dest?.calls?.[0]?.state).toBe('alerting');
      expect(cust?.calls?.[0]).toMatchObject({ state: 'connected', held: true, confined: true });
      expect(agents(ev, alex)[0]?.calls?.[0]).toMatchObject({ state: 'connected', held: false });
      expect(agents(ev, alex)[0]?.consultParticipantId).toBeUndefined();
      expect(ev.recentTransfers).toEqual([
        expect.objectContaining({
          transferType: 'attended',
          state: 'active',
          initiator: { userId: alex },
          destination: { userId: blair },
        }),
      ]);
    }
    const rest = (
      await raw(sim, { path: `/api/v2/conversations/${id}`, token })
    ).json() as Models.Conversation;
    expect(agents(rest, blair)[0]?.consultParticipantId).toBe(customer(rest)?.id);
    expect(customer(rest)?.calls?.[0]).toMatchObject({ held: true, confined: true });
    expect(rest.recentTransfers?.[0]).toMatchObject({ transferType: 'attended', state: 'active' });
    expect(() => sim.act(id, { type: 'consult', toUserId: blair })).toThrow(/already/);
    a.ws.close();
    b.ws.close();
  });

  it('completes: A ends transfer.consult in after-call work, customer off hold with B, transfer complete', async () => {
    const { id, a, b, token } = await setup();
    sim.act(id, { type: 'consult', toUserId: blair });
    sim.act(id, { type: 'answer', userId: blair });
    sim.act(id, { type: 'completeConsult' });
    const done = (ev: Ev) => ev.recentTransfers?.[0]?.state === 'complete';
    for (const frames of [a, b]) {
      const ev = await latest(frames, done);
      const mine = agents(ev, alex)[0];
      expect(mine?.calls?.[0]).toMatchObject({
        state: 'disconnected',
        disconnectType: 'transfer.consult',
        afterCallWork: { state: 'pending' },
      });
      expect(mine?.wrapupRequired).toBe(true);
      expect(mine?.endTime).toEqual(expect.any(String));
      expect(agents(ev, blair)[0]?.calls?.[0]?.state).toBe('connected');
      expect(customer(ev)?.calls?.[0]).toMatchObject({ state: 'connected', held: false, confined: false });
      expect(ev.recentTransfers?.[0]).toMatchObject({ transferType: 'attended', modifiedBy: { id: alex } });
    }
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id, state: 'wrapup' })]);
    expect(sim.truth(blair)).toEqual([expect.objectContaining({ id, state: 'connected' })]);
    const rest = (
      await raw(sim, { path: `/api/v2/conversations/${id}`, token })
    ).json() as Models.Conversation;
    expect(agents(rest, alex)[0]?.calls?.[0]?.disconnectType).toBe('transfer.consult');
    expect(rest.recentTransfers?.[0]).toMatchObject({ state: 'complete' });
    a.ws.close();
    b.ws.close();
  });

  it('consultDisconnectType: transfer is the switch; A hanging up completes the consult too', async () => {
    const { id, a, b } = await setup({ consultDisconnectType: 'transfer' });
    sim.act(id, { type: 'consult', toUserId: blair });
    sim.act(id, { type: 'answer', userId: blair });
    sim.act(id, { type: 'disconnect', by: 'agent', userId: alex });
    const ev = await latest(a, (e) => e.recentTransfers?.[0]?.state === 'complete');
    expect(agents(ev, alex)[0]?.calls?.[0]?.disconnectType).toBe('transfer');
    expect(customer(ev)?.calls?.[0]?.held).toBe(false);
    a.ws.close();
    b.ws.close();
  });

  it('cancels: B disconnects, consultParticipantId gone, customer off hold with A, transfer canceled', async () => {
    const { id, a, b, token } = await setup();
    sim.act(id, { type: 'consult', toUserId: blair });
    sim.act(id, { type: 'answer', userId: blair });
    sim.act(id, { type: 'cancelConsult' });
    for (const frames of [a, b]) {
      const ev = await latest(frames, (e) => e.recentTransfers?.[0]?.state === 'canceled');
      const dest = agents(ev, blair)[0];
      expect(dest?.calls?.[0]?.state).toBe('disconnected');
      expect(dest?.consultParticipantId).toBeUndefined();
      expect(agents(ev, alex)[0]?.calls?.[0]?.state).toBe('connected');
      expect(customer(ev)?.calls?.[0]).toMatchObject({ held: false, confined: false });
    }
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id, state: 'connected' })]);
    const rest = (
      await raw(sim, { path: `/api/v2/conversations/${id}`, token })
    ).json() as Models.Conversation;
    expect(rest.recentTransfers?.[0]).toMatchObject({ state: 'canceled', transferType: 'attended' });
    // B hanging up during a new consult cancels it as well.
    sim.act(id, { type: 'consult', toUserId: blair });
    sim.act(id, { type: 'disconnect', by: 'agent', userId: blair });
    expect(sim.truth(alex)[0]?.state).toBe('connected');
    const again = await latest(
      a,
      (e) => e.recentTransfers?.length === 2 && e.recentTransfers[1]?.state === 'canceled',
    );
    expect(customer(again)?.calls?.[0]?.held).toBe(false);
    a.ws.close();
    b.ws.close();
  });
});

describe('blind transfer', () => {
  it('A ends disconnectType transfer in ACW; B alerting in the same conversation; unattended/complete; REST matches', async () => {
    const { id, a, b, token } = await setup();
    sim.act(id, { type: 'transfer', toUserId: blair });
    for (const frames of [a, b]) {
      const ev = await latest(frames, hasUser(blair));
      expect(ev.id).toBe(id);
      expect(agents(ev, alex)[0]?.calls?.[0]).toMatchObject({
        state: 'disconnected',
        disconnectType: 'transfer',
        afterCallWork: { state: 'pending' },
      });
      const dest = agents(ev, blair)[0];
      expect(dest?.calls?.[0]?.state).toBe('alerting');
      expect(dest?.consultParticipantId).toBeUndefined();
      expect(customer(ev)?.calls?.[0]).toMatchObject({ state: 'connected', held: false, confined: false });
      expect(ev.recentTransfers).toEqual([
        expect.objectContaining({
          transferType: 'unattended',
          state: 'complete',
          initiator: { userId: alex },
          destination: { userId: blair },
        }),
      ]);
    }
    const rest = (
      await raw(sim, { path: `/api/v2/conversations/${id}`, token })
    ).json() as Models.Conversation;
    expect(rest.recentTransfers?.[0]).toMatchObject({ transferType: 'unattended', state: 'complete' });
    expect(agents(rest, alex)[0]?.calls?.[0]?.disconnectType).toBe('transfer');
    a.ws.close();
    b.ws.close();
  });
});
