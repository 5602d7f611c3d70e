/**
 * The connection (through the product's own agent feed, bench/node-agent.ts) against the strict
 * simulator: a channel that dies with its token, a channel that cannot carry a socket, lost
 * subscriptions, a dropped frame, a retry pending across an eviction and a browser restart. Each
 * case ends with the panel's conversations equal to the simulator's truth.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NodeAgent } from '../../../bench/node-agent';
import { type Sim, startSim } from '../../../sim/index';
import { sleep } from '../../../sim/test-helpers';
import { reason } from '../../shared/reasons';
import { memoryHintStore } from './rediscover';

let sim: Sim;
const agents: NodeAgent[] = [];
const closers: (() => void)[] = [];

beforeAll(async () => {
  sim = await startSim({
    heartbeatMs: 300, // channelDiesWithToken is on by default
  });
});
afterEach(() => {
  for (const a of agents.splice(0)) a.stop();
  for (const c of closers.splice(0)) c();
});
afterAll(async () => {
  await sim.close();
});

function newAgent(userId: string, opts: Partial<ConstructorParameters<typeof NodeAgent>[0]> = {}) {
  const lifetimeSec = 3_600;
  const token = sim.issueToken({ userId, lifetimeSec }).access_token;
  const agent = new NodeAgent({
    baseUrl: sim.url,
    userId,
    token,
    tokenExpiresAt: Date.now() + lifetimeSec * 1000,
    random: () => 0.01,
    ...opts,
  });
  agents.push(agent);
  return agent;
}

async function liveAgent(name: string, opts: Partial<ConstructorParameters<typeof NodeAgent>[0]> = {}) {
  const user = sim.addUser({ name });
  const agent = newAgent(user.id, opts).start();
  await expect.poll(() => agent.status, { timeout: 4_000 }).toBe('live');
  return { user, agent };
}

const shown = (a: NodeAgent) =>
  a
    .views()
    .map((v) => `${v.id}:${v.state}`)
    .sort();
const truth = (userId: string) =>
  sim
    .truth(userId)
    .map((t) => `${t.id}:${t.state}`)
    .sort();
async function equalsTruth(a: NodeAgent, userId: string) {
  await expect.poll(() => shown(a), { timeout: 4_000, interval: 20 }).toEqual(truth(userId));
}

/** Every link status the agent goes through from now on. */
function statuses(a: NodeAgent): string[] {
  const seen: string[] = [];
  const poll = setInterval(() => {
    if (seen[seen.length - 1] !== a.status) seen.push(a.status);
  }, 5);
  closers.push(() => clearInterval(poll));
  return seen;
}

function requests(userId: string, method: string, test: (p: string) => boolean): string[] {
  const seen: string[] = [];
  closers.push(
    sim.on(
      'request',
      (r) => r.userId === userId && r.method === method && test(r.path) && void seen.push(r.path),
    ),
  );
  return seen;
}

describe('the connection against a strict Genesys', () => {
  it('hands over to a channel of the renewed token before the old token kills its channel; nothing lost, no reconnect', async () => {
    const user = sim.addUser({ name: 'Renewing Agent' });
    const oldToken = sim.issueToken({ userId: user.id, lifetimeSec: 3 });
    const agent = newAgent(user.id, {
      token: oldToken.access_token,
      tokenExpiresAt: Date.now() + 3_000,
    }).start();
    await expect.poll(() => agent.status, { timeout: 4_000 }).toBe('live');
    const first = agent.channel;
    const seen = statuses(agent);
    const a = sim.startConversation({
      userId: user.id,
      media: 'call',
      customer: { address: '+13175550301' },
    });
    await equalsTruth(agent, user.id);

    const renewed = sim.issueToken({ userId: user.id, lifetimeSec: 3_600 });
    agent.renew(renewed.access_token, Date.now() + 3_600_000);
    sim.act(a, { type: 'answer' }); // during the hand-over
    await expect.poll(() => agent.channel, { timeout: 4_000 }).not.toBe(first);
    await sleep(3_500); // the old token expires: the sim kills the old channel (404 frame + close)
    const b = sim.startConversation({
      userId: user.id,
      media: 'chat',
      customer: { address: 'r@example.com' },
    });
    await equalsTruth(agent, user.id);
    expect(shown(agent)).toHaveLength(2);
    expect(seen).toEqual(['live']);
    expect(sim.stats().byUser[user.id]?.channelsCreated).toBe(2);
    sim.act(b, { type: 'answer' });
    await equalsTruth(agent, user.id);
  });

  it('without a hand-over the old token takes the channel down (the case the hand-over avoids)', async () => {
    const user = sim.addUser({ name: 'Unrenewed Agent' });
    const token = sim.issueToken({ userId: user.id, lifetimeSec: 2 }).access_token;
    const agent = newAgent(user.id, { token, tokenExpiresAt: undefined }).start();
    await expect.poll(() => agent.status, { timeout: 4_000 }).toBe('live');
    const seen = statuses(agent);
    await expect.poll(() => seen.includes('reconnecting'), { timeout: 5_000 }).toBe(true);
    expect(agent.feed.link.reason?.code).toMatch(/channel-expired|socket-closed|session-rejected/);
  });

  it('a stored channel that exists but refuses sockets is replaced after 2 failed opens; nothing lost', async () => {
    const { user, agent } = await liveAgent('Refused Agent');
    const first = agent.channel;
    sim.faults.rejectHandshake(403, 2);
    sim.faults.dropSockets(user.id);
    const c = sim.startConversation({
      userId: user.id,
      media: 'call',
      customer: { address: '+13175550302' },
    });
    await expect.poll(() => agent.channel, { timeout: 8_000 }).not.toBe(first);
    await expect.poll(() => agent.status, { timeout: 8_000 }).toBe('live');
    await equalsTruth(agent, user.id);
    expect(sim.stats().byUser[user.id]?.channelsCreated).toBe(2);
    sim.act(c, { type: 'answer' });
    await equalsTruth(agent, user.id);
  });

  it('no_longer_subscribed re-subscribes on the same socket and resyncs', async () => {
    const { user, agent } = await liveAgent('Unsubscribed Agent');
    const seen = statuses(agent);
    const puts = requests(user.id, 'PUT', (p) => p.endsWith('/subscriptions'));
    sim.faults.noLongerSubscribed(user.id);
    const c = sim.startConversation({
      userId: user.id,
      media: 'call',
      customer: { address: '+13175550303' },
    });
    await expect.poll(() => puts.length, { timeout: 4_000 }).toBe(1);
    await equalsTruth(agent, user.id);
    sim.act(c, { type: 'answer' }); // an event after the re-subscribe arrives
    await equalsTruth(agent, user.id);
    expect(seen).toEqual(['live']);
    expect(sim.stats().byUser[user.id]?.channelsCreated).toBe(1);
  });

  it('a dropped conversation frame schedules one resync of the conversations', async () => {
    const { user, agent } = await liveAgent('Dropped Frame Agent');
    const listings = requests(user.id, 'GET', (p) => p.startsWith('/api/v2/conversations'));
    sim.faults.sendMalformed(user.id, 'missing-fields');
    sim.faults.sendOversized(user.id, 600 * 1024);
    await expect.poll(() => listings.length, { timeout: 3_000 }).toBe(1);
    await sleep(1_500);
    expect(listings).toHaveLength(1); // coalesced
    expect(agent.status).toBe('live');
  });

  it('a retry pending when the worker was evicted is honoured on wake, not retried at once', async () => {
    const user = sim.addUser({ name: 'Evicted Agent' });
    const retryAt = Date.now() + 1_500;
    const pending = { attempt: 3, retryAt, reason: reason('rate-limited', { seconds: 2 }) };
    const rest = requests(user.id, 'GET', () => true);
    const agent = newAgent(user.id, { stored: { retry: pending } }).start();
    await agent.started();
    await sleep(300);
    expect(agent.feed.link).toMatchObject({ status: 'reconnecting', attempt: 3, retryAt });
    agent.feed.ensure(); // the watchdog alarm
    await sleep(700);
    expect(rest).toEqual([]);
    await expect.poll(() => agent.status, { timeout: 4_000 }).toBe('live');
    expect(agent.store.saved.retry).toBeUndefined();
  });

  it("after a browser restart finds this browser's channel again instead of making one", async () => {
    const hints = memoryHintStore();
    const { user, agent } = await liveAgent('Restarting Agent', { hints });
    const channel = agent.channel;
    await expect.poll(async () => (await hints.load())?.userId).toBe(user.id);
    agent.stop(); // the browser closes: storage.session is gone, storage.local stays
    const again = newAgent(user.id, { hints }).start(); // a new sign-in, a new token
    await expect.poll(() => again.status, { timeout: 4_000 }).toBe('live');
    expect(again.channel).toBe(channel);
    expect(sim.stats().byUser[user.id]?.channelsCreated).toBe(1);
    const c = sim.startConversation({
      userId: user.id,
      media: 'call',
      customer: { address: '+13175550304' },
    });
    await equalsTruth(again, user.id);
    sim.act(c, { type: 'answer' });
    await equalsTruth(again, user.id);

    // Another agent on the same browser: never the previous agent's channel.
    const other = sim.addUser({ name: 'Next Agent' });
    const next = newAgent(other.id, { hints }).start();
    await expect.poll(() => next.status, { timeout: 4_000 }).toBe('live');
    expect(next.channel).not.toBe(channel);
  });
});
