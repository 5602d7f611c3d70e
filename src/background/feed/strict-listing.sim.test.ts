/**
 * The agent feed against the strict simulator's listing (its defaults: `GET /api/v2/conversations`
 * trails the events by 1.5 s and leaves after-call work out): what changes while the worker is
 * evicted or the socket is down comes back, and a change the listing has not caught up with yet is
 * not undone by it. The faults of the soak's two lost conversations (evict-worker, rate-limit-429),
 * reproduced here in Node.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NodeAgent } from '../../../bench/node-agent';
import { type Sim, startSim } from '../../../sim/index';
import { sleep } from '../../../sim/test-helpers';
import { LISTING_LAG_MS } from './feed';

let sim: Sim;
const agents: NodeAgent[] = [];

beforeAll(async () => {
  sim = await startSim({ heartbeatMs: 300 });
});
afterEach(() => {
  for (const a of agents.splice(0)) a.stop();
});
afterAll(async () => {
  await sim.close();
});

function agentOf(userId: string, token: string, stored?: NodeAgent['store']['saved']): NodeAgent {
  const agent = new NodeAgent({
    baseUrl: sim.url,
    userId,
    token,
    random: () => 0.01,
    ...(stored ? { stored } : {}),
  }).start();
  agents.push(agent);
  return agent;
}

async function liveAgent(name: string) {
  const user = sim.addUser({ name });
  const token = sim.issueToken({ userId: user.id }).access_token;
  const agent = agentOf(user.id, token);
  await expect.poll(() => agent.status, { timeout: 4_000 }).toBe('live');
  return { user, token, agent };
}

/** A call to this agent, answered, and shown connected. */
async function answeredCall(userId: string, agent: NodeAgent, address: string): Promise<string> {
  const call = sim.startConversation({ userId, media: 'call', customer: { address } });
  sim.act(call, { type: 'answer' });
  await expect.poll(() => states(agent), { timeout: 4_000 }).toEqual([{ id: call, state: 'connected' }]);
  return call;
}

const states = (agent: NodeAgent) => agent.views().map((v) => ({ id: v.id, state: v.state }));
const truth = (userId: string) => sim.truth(userId).map((t) => ({ id: t.id, state: t.state }));

describe('agent feed against the strict listing (lag, after-call work left out)', () => {
  it('a call that ends while the worker is evicted shows its wrap-up after the restart, and keeps it', async () => {
    const { user, token, agent } = await liveAgent('Evicted Agent');
    const call = await answeredCall(user.id, agent, '+13175550401');

    await expect.poll(() => agent.store.saved.conversations?.entries.length, { timeout: 2_000 }).toBe(1);
    agent.stop(); // the worker is evicted; storage.session keeps the connected call
    const stored = agent.store.saved;
    sim.act(call, { type: 'disconnect', by: 'customer' }); // into after-call work: no listing shows it
    expect(truth(user.id)).toEqual([{ id: call, state: 'wrapup' }]);

    const restarted = agentOf(user.id, token, stored);
    await expect.poll(() => restarted.status, { timeout: 4_000 }).toBe('live');
    await expect.poll(() => states(restarted), { timeout: 4_000 }).toEqual(truth(user.id));
    await sleep(LISTING_LAG_MS + 1_000); // the confirming listing (without it) comes and goes
    expect(states(restarted)).toEqual([{ id: call, state: 'wrapup' }]);
  });

  it('a call that ends while the reconnect meets 429s shows its wrap-up once live again', async () => {
    const { user, agent } = await liveAgent('Rate-limited Agent');
    const call = await answeredCall(user.id, agent, '+13175550402');

    sim.faults.failNext({ status: 429, count: 2, retryAfterSec: 1 });
    sim.faults.dropSockets(user.id);
    sim.act(call, { type: 'disconnect', by: 'agent' });
    await expect.poll(() => agent.liveAt.length, { timeout: 10_000 }).toBe(2); // live again
    await expect.poll(() => states(agent), { timeout: 4_000 }).toEqual(truth(user.id));
    expect(truth(user.id)).toEqual([{ id: call, state: 'wrapup' }]);
    sim.act(call, { type: 'wrapup', code: 'Resolved' });
    await expect.poll(() => states(agent), { timeout: 4_000 }).toEqual([]);
  });

  it('a hold the listing has not caught up with is never undone by a reconnect’s listing', async () => {
    const { user, agent } = await liveAgent('Holding Agent');
    const call = await answeredCall(user.id, agent, '+13175550403');
    await sleep(LISTING_LAG_MS + 500); // the answer's own reconcile goes by

    sim.act(call, { type: 'hold' });
    await expect.poll(() => states(agent)[0]?.state, { timeout: 2_000, interval: 10 }).toBe('held');
    sim.faults.dropSockets(user.id); // reconnect now: its listing (1.5 s old) still says connected
    const seen = new Set<string>();
    const until = Date.now() + LISTING_LAG_MS + 2_000; // past the reconnect's confirming listing
    while (Date.now() < until) {
      seen.add(states(agent)[0]?.state ?? 'none');
      await sleep(10);
    }
    expect(agent.liveAt.length).toBeGreaterThan(1);
    expect([...seen]).toEqual(['held']);
  });
});
