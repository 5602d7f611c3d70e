/**
 * The worker's own agent feed (through bench/node-agent.ts: ws for WebSocket, memory for
 * storage.session) against the simulator: the user filter, the burst reconcile and the queue-name
 * lookup, on real frames and real REST answers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NodeAgent } from '../../../bench/node-agent';
import { type Sim, startSim } from '../../../sim/index';
import { live, sleep } from '../../../sim/test-helpers';
import type { SocketLike } from '../connection/connection';
import { SETTLE_AFTER_MS } from '../conversations/settle';
import type { Api } from '../genesys/rest';
import { LISTING_LAG_MS, SAVE_CONVERSATIONS_MS } from './feed';

/** The agent's REST client with the conversations listing held until `release()`: an answer in flight. */
function holdListing(api: Api) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const held = { waiting: 0, release };
  const wrapped: Api = {
    request: async (method, path, body, opts) => {
      if (
        method === 'GET' &&
        path.startsWith('/api/v2/conversations') &&
        !path.includes('/api/v2/conversations/')
      ) {
        held.waiting++;
        const answer = await api.request(method, path, body, opts); // taken now, delivered late
        await gate;
        return answer as never;
      }
      return api.request(method, path, body, opts);
    },
    head: (path, opts) => api.head(path, opts),
  };
  return { api: wrapped, held };
}

let sim: Sim;
const agents: NodeAgent[] = [];
const closers: (() => void)[] = [];

beforeAll(async () => {
  sim = await startSim({
    heartbeatMs: 300,
    // strict: restLagMs kept off on purpose: these tests isolate counting (listings, lookups) and read
    // the state right after a reopen, which a lagging listing can only confirm LISTING_LAG_MS later.
    // Their strict twins (lag on, after-call work left out) are strict-listing.sim.test.ts and
    // connection.sim.test.ts.
    restLagMs: 0,
  });
});
afterEach(() => {
  for (const a of agents.splice(0)) a.stop();
  for (const c of closers.splice(0)) c();
});
afterAll(async () => {
  await sim.close();
});

async function liveAgent(name: string, opts: { onSocket?: (s: SocketLike) => void } = {}) {
  const user = sim.addUser({ name });
  const token = sim.issueToken({ userId: user.id }).access_token;
  const agent = new NodeAgent({
    baseUrl: sim.url,
    userId: user.id,
    token,
    random: () => 0.01,
    ...opts,
  }).start();
  agents.push(agent);
  await expect.poll(() => agent.status, { timeout: 4_000 }).toBe('live');
  return { user, agent };
}

/** REST requests of one user matching a path test, counted from now on. */
function count(userId: string, method: string, path: (p: string) => boolean): { paths: string[] } {
  const seen = { paths: [] as string[] };
  closers.push(
    sim.on('request', (r) => {
      if (r.userId === userId && r.method === method && path(r.path)) seen.paths.push(r.path);
    }),
  );
  return seen;
}

describe('agent feed against the simulator', () => {
  it("shows only the identified agent's frames, even when another agent's reach its socket", async () => {
    let socket: SocketLike | undefined;
    const { user, agent } = await liveAgent('Filter Agent', { onSocket: (s) => (socket = s) });
    const other = sim.addUser({ name: 'Other Agent' });
    // Crossed wires: every frame of the other agent's own channel is also put on this feed's socket.
    const theirs = await live(sim, other.id);
    theirs.frames.ws.on('message', (d) => socket?.onmessage?.({ data: d.toString() }));
    closers.push(() => theirs.frames.ws.close());

    expect(agent.agent).toMatchObject({ id: user.id, presence: 'Available', routingStatus: 'OFF_QUEUE' });
    const foreign = sim.startConversation({
      userId: other.id,
      media: 'call',
      customer: { address: '+13175550201' },
    });
    sim.setPresence(other.id, 'On Queue'); // also moves its routing status to IDLE
    await theirs.frames.next((f) => String(f.topicName).endsWith('.routingStatus'));
    await theirs.frames.next((f) => JSON.stringify(f).includes(foreign));

    const mine = sim.startConversation({
      userId: user.id,
      media: 'chat',
      customer: { address: 'c@example.com' },
    });
    await expect.poll(() => agent.views().map((v) => v.id), { timeout: 4_000 }).toEqual([mine]);
    expect(agent.agent).toMatchObject({ presence: 'Available', routingStatus: 'OFF_QUEUE' });

    sim.setPresence(user.id, 'Busy'); // its own frames still count
    await expect.poll(() => agent.agent?.presence, { timeout: 4_000 }).toBe('BUSY');
  });

  it('reconciles a burst of events on one conversation with REST once it settles', async () => {
    const { user, agent } = await liveAgent('Burst Agent');
    const call = sim.startConversation({
      userId: user.id,
      media: 'call',
      customer: { address: '+13175550202' },
    });
    sim.act(call, { type: 'answer' });
    const stateOf = () => agent.views().find((v) => v.id === call)?.state;
    await expect.poll(stateOf, { timeout: 4_000 }).toBe('connected');
    await sleep(SETTLE_AFTER_MS + 500); // let the start-and-answer burst's own reconcile go by
    const lists = count(user.id, 'GET', (p) => p === '/api/v2/conversations');

    // Hold then unhold, delivered reversed: by their content alone the older (held) wins.
    sim.faults.reorderNext(2);
    sim.act(call, { type: 'hold' });
    sim.act(call, { type: 'unhold' });
    await expect.poll(stateOf, { timeout: 2_000, interval: 10 }).toBe('held');
    expect(lists.paths).toEqual([]);
    // The burst settles (and the listing's lag goes by); one GET /conversations puts the truth back,
    // with no reconnect.
    await expect.poll(stateOf, { timeout: 4_000 + LISTING_LAG_MS }).toBe('connected');
    expect(lists.paths).toEqual(['/api/v2/conversations']);
    expect(agent.liveAt).toHaveLength(1);
  });

  it('names a queue from the REST conversation once, remembers it and reuses it', async () => {
    const { user, agent } = await liveAgent('Queue Agent');
    sim.setPresence(user.id, 'On Queue'); // the queue offers its conversations only to agents on queue
    const lookups = count(user.id, 'GET', (p) => p.startsWith('/api/v2/conversations/'));
    const queueOf = (id: string) => agent.views().find((v) => v.id === id)?.queueName;

    const first = sim.startConversation({
      userId: user.id,
      media: 'call',
      customer: { address: '+13175550203' },
      queue: { name: 'Billing' },
    });
    await expect.poll(() => queueOf(first), { timeout: 4_000 }).toBe('Billing');
    expect(lookups.paths).toEqual([`/api/v2/conversations/${first}`]);
    const queueId = agent.views()[0]?.queueId ?? '';
    expect(agent.store.saved.queueNames).toEqual({ [queueId]: 'Billing' });

    const second = sim.startConversation({
      userId: user.id,
      media: 'chat',
      customer: { address: 'q@example.com' },
      queue: { name: 'Billing' },
    });
    await expect.poll(() => queueOf(second), { timeout: 4_000 }).toBe('Billing');
    expect(lookups.paths).toHaveLength(1);
  });

  it('closing (the gate closed) resets the link; opening again reuses the stored channel and resyncs', async () => {
    const { user, agent } = await liveAgent('Gate Agent');
    const call = sim.startConversation({
      userId: user.id,
      media: 'call',
      customer: { address: '+13175550204' },
    });
    await expect.poll(() => agent.views().map((v) => v.id), { timeout: 4_000 }).toEqual([call]);
    const channel = agent.channel;

    agent.feed.close();
    expect(agent.feed.link).toEqual({ status: 'connecting', attempt: 0 });
    sim.act(call, { type: 'answer' }); // while closed: only the resync can tell
    await sleep(200);
    expect(agent.views()[0]?.state).toBe('alerting');

    agent.feed.open(agent.api, 'local');
    await expect.poll(() => agent.status, { timeout: 4_000 }).toBe('live');
    expect(agent.views()[0]?.state).toBe('connected');
    expect(agent.channel).toBe(channel);
    expect(agent.channelsCreated).toEqual([channel]);
  });

  it('sign-out is final: a listing still in flight when the agent signs out touches nothing', async () => {
    const { user, agent } = await liveAgent('Signing-out Agent');
    const call = sim.startConversation({
      userId: user.id,
      media: 'call',
      customer: { address: '+13175550205', name: 'Pat Private' },
    });
    await expect.poll(() => agent.views().map((v) => v.id), { timeout: 4_000 }).toEqual([call]);

    // Reconnect with the listing held: the resync's answer (with the call) is in flight.
    const slow = holdListing(agent.api);
    agent.feed.close();
    agent.feed.open(slow.api, 'local');
    await expect.poll(() => slow.held.waiting, { timeout: 4_000 }).toBe(1);
    await agent.feed.release(); // the agent signs out
    expect(agent.views()).toEqual([]);
    slow.held.release();
    await sleep(SAVE_CONVERSATIONS_MS + 200);
    expect(agent.views()).toEqual([]);
    expect(agent.feed.agent).toBeUndefined();
    expect(JSON.stringify(agent.store.saved)).not.toContain('Pat Private');
    expect(agent.store.saved.conversations).toBeUndefined();
  });

  it('merges burst reconciles: a storm on many conversations costs about one listing per settle window, not one per event', async () => {
    const { user, agent } = await liveAgent('Storm Agent');
    const calls = Array.from({ length: 8 }, (_, i) =>
      sim.startConversation({ userId: user.id, media: 'call', customer: { address: `+1317555030${i}` } }),
    );
    await expect.poll(() => agent.views().length, { timeout: 4_000 }).toBe(calls.length);
    await sleep(SETTLE_AFTER_MS + 500);
    const lists = count(
      user.id,
      'GET',
      (p) => p.startsWith('/api/v2/conversations') && !p.includes('conversations/'),
    );
    const t0 = Date.now();
    for (let round = 0; round < 6; round++) {
      for (const c of calls) sim.act(c, { type: round % 2 ? 'unhold' : round === 0 ? 'answer' : 'hold' });
      await sleep(150);
    }
    await sleep(SETTLE_AFTER_MS + LISTING_LAG_MS + 1_000); // the last burst's reconcile waits for the lag
    const seconds = (Date.now() - t0) / 1000;
    // Per event it would be ~48 listings; merged, about one per settle window.
    expect(lists.paths.length).toBeGreaterThan(0);
    expect(lists.paths.length).toBeLessThanOrEqual(Math.ceil(seconds / (SETTLE_AFTER_MS / 1000)) + 1);
    expect(agent.views().map((v) => v.state)).toEqual(calls.map(() => 'connected'));
  });
});
