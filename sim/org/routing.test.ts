import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS } from '../index';
import { type Frames, isTopic, jsonBody, live, raw, sleep, testClock, testSim } from '../test-helpers';
import type { SimOptions, StartConversation } from '../types';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
let sim: Sim;

async function start(o: SimOptions = {}): Promise<void> {
  await sim?.close();
  sim = await testSim({ now: testClock().now, ...o });
}
beforeEach(() => start());
afterEach(() => sim.close());

const status = (userId: string = alex) => sim.users().find((u) => u.id === userId)?.routingStatus;
const acdCall = (o: Partial<StartConversation> = {}) =>
  sim.startConversation({
    userId: alex,
    media: 'call',
    customer: { address: '+13175550101' },
    queue: { name: 'Support' },
    ...o,
  });

/** The statuses of the `v2.users.{id}.routingStatus` events so far, once the last expected one arrived. */
async function events(frames: Frames, last: string): Promise<string[]> {
  const body = (f: Record<string, unknown>) => f.eventBody as Models.UserRoutingStatusUserRoutingStatus;
  await frames.next((f) => isTopic('.routingStatus')(f) && body(f).routingStatus?.status === last);
  return frames.list.filter(isTopic('.routingStatus')).map((f) => body(f).routingStatus?.status ?? '');
}

/** What REST says: `GET /users/{id}/routingstatus` and `GET /users/me?expand=routingStatus`. */
async function restStatuses(token: string): Promise<string[]> {
  const one = await raw(sim, { path: `/api/v2/users/${alex}/routingstatus`, token });
  const me = await raw(sim, { path: '/api/v2/users/me?expand=routingStatus', token });
  return [
    (one.json() as Models.RoutingStatus).status ?? '',
    (me.json() as Models.UserMe).routingStatus?.status ?? '',
  ];
}

describe('routing status through an ACD call', () => {
  it('On Queue → IDLE, offered → INTERACTING, answered, ended, wrapped up → IDLE, off queue → OFF_QUEUE; events and REST agree', async () => {
    const { frames, token } = await live(sim, alex, ['routingStatus']);
    expect(await restStatuses(token)).toEqual(['OFF_QUEUE', 'OFF_QUEUE']);
    sim.setPresence(alex, 'On Queue');
    expect(await restStatuses(token)).toEqual(['IDLE', 'IDLE']);
    const id = acdCall();
    expect(status()).toBe('INTERACTING');
    expect(await restStatuses(token)).toEqual(['INTERACTING', 'INTERACTING']);
    sim.act(id, { type: 'answer' });
    sim.act(id, { type: 'hold' });
    sim.act(id, { type: 'unhold' });
    sim.act(id, { type: 'disconnect', by: 'customer' });
    expect(sim.truth(alex)[0]?.state).toBe('wrapup');
    expect(status()).toBe('INTERACTING'); // after-call work still counts
    sim.act(id, { type: 'wrapup' });
    expect(status()).toBe('IDLE');
    expect(await restStatuses(token)).toEqual(['IDLE', 'IDLE']);
    sim.setPresence(alex, 'Available');
    expect(await events(frames, 'OFF_QUEUE')).toEqual(['IDLE', 'INTERACTING', 'IDLE', 'OFF_QUEUE']);
    expect(await restStatuses(token)).toEqual(['OFF_QUEUE', 'OFF_QUEUE']);
    frames.ws.close();
  });

  it('the routing event follows the conversation snapshot that caused it', async () => {
    const { frames } = await live(sim, alex, ['conversations', 'routingStatus']);
    sim.setPresence(alex, 'On Queue');
    acdCall();
    await events(frames, 'INTERACTING');
    const topics = frames.list.map((f) => String(f.topicName).split('.').pop());
    expect(topics).toEqual(['routingStatus', 'conversations', 'routingStatus']);
    frames.ws.close();
  });

  it('stays INTERACTING until the last ACD conversation is wrapped up; none needed without wrap-up', () => {
    sim.setPresence(alex, 'On Queue');
    const a = acdCall();
    const b = acdCall({ media: 'chat', customer: { address: 'c@example.com' }, wrapupRequired: false });
    sim.act(a, { type: 'answer' });
    sim.act(b, { type: 'answer' });
    sim.act(b, { type: 'disconnect', by: 'agent' });
    expect(status()).toBe('INTERACTING');
    sim.act(a, { type: 'disconnect', by: 'agent' });
    expect(status()).toBe('INTERACTING');
    sim.act(a, { type: 'wrapup' });
    expect(status()).toBe('IDLE');
  });

  it('going On Queue with an ACD conversation still live gives INTERACTING, not IDLE', () => {
    sim.setPresence(alex, 'On Queue');
    const id = acdCall();
    sim.act(id, { type: 'answer' });
    sim.setPresence(alex, 'Busy');
    expect(status()).toBe('OFF_QUEUE');
    sim.setPresence(alex, 'On Queue');
    expect(status()).toBe('INTERACTING');
  });
});

describe('offers', () => {
  it('an ACD conversation waits in the queue while the agent is off queue and is offered once on queue', () => {
    const id = acdCall();
    expect(sim.truth(alex)).toEqual([]);
    expect(status()).toBe('OFF_QUEUE');
    sim.act(id, { type: 'alert' });
    expect(sim.truth(alex)).toEqual([]);
    sim.setPresence(alex, 'On Queue');
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id, state: 'alerting' })]);
    expect(status()).toBe('INTERACTING');
  });

  it('a waiting conversation the customer abandons is never offered', () => {
    const id = acdCall();
    sim.act(id, { type: 'disconnect', by: 'customer' });
    sim.setPresence(alex, 'On Queue');
    expect(sim.truth(alex)).toEqual([]);
    expect(status()).toBe('IDLE');
  });

  it('direct calls and transfers ring whatever the status; outbound calls are placed off queue', () => {
    const direct = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550102' },
    });
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id: direct, state: 'alerting' })]);
    sim.setPresence(blair, 'On Queue');
    const acd = acdCall({ userId: blair });
    sim.act(acd, { type: 'answer' });
    sim.act(acd, { type: 'transfer', toUserId: alex });
    expect(sim.truth(alex).map((t) => t.id)).toEqual([direct, acd]);
    expect(status(alex)).toBe('OFF_QUEUE');
    expect(status(blair)).toBe('INTERACTING'); // after-call work of the transferred call
    sim.act(acd, { type: 'wrapup', userId: blair });
    expect(status(blair)).toBe('IDLE');
  });
});

describe('NOT_RESPONDING', () => {
  it('an unanswered ACD offer makes the agent NOT_RESPONDING until they go On Queue again; the call is offered again', async () => {
    const { frames } = await live(sim, alex, ['routingStatus']);
    sim.setPresence(alex, 'On Queue');
    const id = acdCall();
    sim.act(id, { type: 'noAnswer' });
    expect(status()).toBe('NOT_RESPONDING');
    expect(sim.truth(alex)).toEqual([]);
    // Nothing else the org does moves the agent out of it, and nothing is offered meanwhile.
    const other = acdCall({ customer: { address: '+13175550103' } });
    expect(sim.truth(alex)).toEqual([]);
    expect(status()).toBe('NOT_RESPONDING');
    sim.setPresence(alex, 'On Queue');
    expect(sim.truth(alex).map((t) => [t.id, t.state])).toEqual([
      [id, 'alerting'],
      [other, 'alerting'],
    ]);
    expect(await events(frames, 'INTERACTING')).toEqual([
      'IDLE',
      'INTERACTING',
      'NOT_RESPONDING',
      'IDLE',
      'INTERACTING',
    ]);
    frames.ws.close();
  });

  it('the agent can also leave it by setting the routing status (PUT /routingstatus); going off queue ends it', async () => {
    const token = sim.issueToken({ userId: alex }).access_token;
    sim.setPresence(alex, 'On Queue');
    const id = acdCall();
    sim.act(id, { type: 'noAnswer' });
    const res = await raw(sim, {
      method: 'PUT',
      path: `/api/v2/users/${alex}/routingstatus`,
      token,
      ...jsonBody({ status: 'IDLE' } satisfies Models.RoutingStatus),
    });
    expect(res.status).toBe(200);
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id, state: 'alerting' })]);
    expect(status()).toBe('INTERACTING');
    sim.act(id, { type: 'noAnswer' });
    expect(status()).toBe('NOT_RESPONDING');
    sim.setPresence(alex, 'Away');
    expect(status()).toBe('OFF_QUEUE');
  });

  it('a direct call left ringing does not change the routing status', () => {
    sim.setPresence(alex, 'On Queue');
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550104' } });
    sim.act(id, { type: 'noAnswer' });
    expect(status()).toBe('IDLE');
    expect(() => sim.act(id, { type: 'noAnswer' })).toThrow(/no alerting agent/);
  });

  it('with notRespondingMs it ends by itself', async () => {
    await start({ routing: { notRespondingMs: 30 } });
    sim.setPresence(alex, 'On Queue');
    const id = acdCall();
    sim.act(id, { type: 'noAnswer' });
    expect(status()).toBe('NOT_RESPONDING');
    await expect.poll(status, { timeout: 1000, interval: 10 }).toBe('INTERACTING'); // offered again
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id, state: 'alerting' })]);
  });

  it('with notRespondingMs, an agent who left it sooner is not moved by the timer', async () => {
    await start({ routing: { notRespondingMs: 30 } });
    sim.setPresence(alex, 'On Queue');
    sim.act(acdCall(), { type: 'noAnswer' });
    sim.setPresence(alex, 'Away');
    await sleep(60);
    expect(status()).toBe('OFF_QUEUE');
  });
});

describe('options for the guesses', () => {
  it("interactingFrom: 'connected' keeps IDLE while the offer rings", async () => {
    await start({ routing: { interactingFrom: 'connected' } });
    sim.setPresence(alex, 'On Queue');
    const id = acdCall();
    expect(status()).toBe('IDLE');
    sim.act(id, { type: 'answer' });
    expect(status()).toBe('INTERACTING');
  });

  it('a connected non-ACD conversation on queue is COMMUNICATING by default, IDLE with nonAcd: IDLE', async () => {
    for (const nonAcd of ['COMMUNICATING', 'IDLE'] as const) {
      await start({ routing: { nonAcd } });
      sim.setPresence(alex, 'On Queue');
      const direct = sim.startConversation({
        userId: alex,
        media: 'call',
        customer: { address: '+1317555' },
      });
      expect(status()).toBe('IDLE'); // ringing
      sim.act(direct, { type: 'answer' });
      expect(status()).toBe(nonAcd);
      const acd = acdCall();
      expect(status()).toBe('INTERACTING'); // an ACD conversation outranks it
      sim.act(acd, { type: 'disconnect', by: 'customer' }); // abandoned while ringing: no wrap-up
      expect(status()).toBe(nonAcd);
      sim.act(direct, { type: 'disconnect', by: 'agent' });
      sim.act(direct, { type: 'wrapup' });
      expect(status()).toBe('IDLE');
      const outbound = sim.startConversation({
        userId: alex,
        media: 'call',
        direction: 'outbound',
        customer: { address: '+1317556' },
        queue: { name: 'Sales' },
      });
      expect(sim.truth(alex)).toEqual([expect.objectContaining({ id: outbound, state: 'connected' })]);
      expect(status()).toBe(nonAcd);
    }
  });
});
