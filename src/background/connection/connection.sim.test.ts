/**
 * The worker's agent feed (its connection, frames → reducer, resync), in Node through
 * bench/node-agent.ts, against the simulator: every media type through its lifecycle, and the
 * store equal to the simulator's truth after each step and after each injected fault.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeAgent } from '../../../bench/node-agent';
import { SEED_USERS, type Sim, startSim } from '../../../sim/index';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let agent: NodeAgent;

// Conversations that start in the same millisecond have no meaningful order: compare as sets.
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
function shown() {
  return agent
    .views()
    .map((v) => ({ id: v.id, state: v.state, media: v.media }))
    .sort(byId);
}
function truth() {
  return sim
    .truth(alex)
    .map((t) => ({ id: t.id, state: t.state, media: t.media }))
    .sort(byId);
}
async function settled() {
  await expect.poll(shown, { timeout: 4_000, interval: 20 }).toEqual(truth());
}

beforeAll(async () => {
  sim = await startSim({ heartbeatMs: 300 }); // the strict defaults: REST lags, after-call work left out
  sim.setPresence(alex, 'On Queue'); // the queue offers its calls only to agents on queue
  const token = sim.issueToken({ userId: alex }).access_token;
  agent = new NodeAgent({ baseUrl: sim.url, userId: alex, token, random: () => 0.01 }).start();
});

afterAll(async () => {
  agent.stop();
  await sim.close();
});

describe('connection core + reducer against the simulator', () => {
  it('follows a call, chat, message, email and callback through their lifecycles', async () => {
    await expect.poll(() => agent.status, { timeout: 4_000 }).toBe('live');
    const call = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550101' },
      queue: { name: 'Support' },
    });
    await settled();
    expect(agent.views()[0]).toMatchObject({ customerAddress: '+13175550101', queueId: expect.any(String) });
    sim.act(call, { type: 'answer' });
    await settled();
    sim.act(call, { type: 'hold' });
    await settled();
    sim.act(call, { type: 'unhold' });
    const ids = (['chat', 'message', 'email', 'callback'] as const).map((media) =>
      sim.startConversation({
        userId: alex,
        media,
        customer: {
          name: `${media} customer`,
          address: media === 'email' || media === 'chat' ? 'c@example.com' : '+13175550102',
        },
      }),
    );
    await settled();
    for (const id of ids) sim.act(id, { type: 'answer' });
    await settled();
    expect(new Set(agent.views().map((v) => v.media))).toEqual(
      new Set(['call', 'chat', 'message', 'email', 'callback']),
    );
    for (const id of [call, ...ids]) sim.act(id, { type: 'disconnect', by: 'customer' });
    await settled();
    expect(agent.views().every((v) => v.state === 'wrapup')).toBe(true);
    for (const id of [call, ...ids]) sim.act(id, { type: 'wrapup', code: 'Done' });
    await settled();
    expect(shown()).toEqual([]);
  });

  it('a transfer removes the call from this agent after wrap-up', async () => {
    const call = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550103' },
    });
    sim.act(call, { type: 'answer' });
    sim.act(call, { type: 'transfer', toUserId: SEED_USERS.blair.id });
    await settled();
    sim.act(call, { type: 'wrapup', code: 'Transferred' });
    await settled();
    expect(shown()).toEqual([]);
  });

  it('loses nothing and shows no ghost across drops, socket_closing, channel expiry, duplicates and reordering', async () => {
    const a = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550104' } });
    await settled();
    sim.faults.dropSockets(alex);
    sim.act(a, { type: 'answer' }); // sent while the socket is down: no replay, resync must find it
    const b = sim.startConversation({ userId: alex, media: 'chat', customer: { address: 'b@example.com' } });
    await settled();
    sim.faults.socketClosing(alex, { closeAfterMs: 200 });
    sim.act(b, { type: 'answer' });
    await settled();
    sim.faults.expireChannels(alex);
    sim.act(a, { type: 'disconnect', by: 'customer' });
    await settled();
    sim.faults.duplicateNext(3);
    sim.faults.reorderNext(2);
    sim.act(a, { type: 'wrapup', code: 'Done' });
    sim.act(b, { type: 'hold' });
    sim.act(b, { type: 'disconnect', by: 'agent' });
    await settled();
    sim.act(b, { type: 'wrapup', code: 'Done' });
    await settled();
    expect(shown()).toEqual([]);
    expect(agent.status).toBe('live');
  });

  it('a 503 burst during reconnect ends live again, with backoff', async () => {
    sim.faults.failNext({ status: 503, count: 3 });
    sim.faults.dropSockets(alex);
    const c = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550105' } });
    await settled();
    await expect.poll(() => agent.status, { timeout: 8_000 }).toBe('live');
    sim.act(c, { type: 'answer' });
    sim.act(c, { type: 'disconnect', by: 'customer' });
    sim.act(c, { type: 'wrapup' });
    await settled();
  });
});
