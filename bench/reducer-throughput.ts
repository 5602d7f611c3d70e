/**
 * The worker's hot path in Node, on real frames: the simulator plays a storm (200 conversations,
 * answer/hold/unhold/end) to a NodeAgent, the frames it wrote are recorded, then replayed through
 * (a) the reducer alone (pre-parsed bodies) and (b) parseFrame + reducer, as the worker does.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { seeded } from '../e2e/soak-runner';
import { startSim } from '../sim/index';
import {
  type ConversationsState,
  emptyConversations,
  reduceConversations,
} from '../src/background/conversations/reducer';
import { parseFrame } from '../src/background/genesys/frames';
import { NodeAgent } from './node-agent';
import { Driver } from './panel-latency';
import { round } from './stats';

export interface ReducerResult {
  frames: number;
  conversations: number;
  reducerEventsPerSec: number;
  parseAndReduceEventsPerSec: number;
  /** Active conversations in the store at the end of one replay (sanity: equals the truth). */
  activeAtEnd: number;
}

async function recordFrames(conversations: number, events: number): Promise<{ texts: string[]; me: string }> {
  const sim = await startSim({ heartbeatMs: 60_000, rateLimitPerMinute: 100_000 });
  try {
    const user = sim.addUser({ name: 'Reducer Bench' });
    const token = sim.issueToken({ userId: user.id }).access_token;
    const agent = new NodeAgent({ baseUrl: sim.url, userId: user.id, token }).start();
    const end = Date.now() + 15_000;
    while (agent.status !== 'live') {
      if (Date.now() > end) throw new Error('agent never went live');
      await new Promise((r) => setTimeout(r, 20));
    }
    const texts: string[] = [];
    const off = sim.on('frame', (f) => {
      if (f.userId === user.id && f.text.includes('.conversations"')) texts.push(f.text);
    });
    const driver = new Driver(sim, user.id, conversations, seeded(3));
    for (let i = 0; i < conversations; i++) driver.step(i, 0);
    for (let k = 0; texts.length < events; k++) driver.step(k % conversations, 0.02);
    off();
    agent.stop();
    return { texts, me: user.id };
  } finally {
    await sim.close();
  }
}

function timeIt(minMs: number, once: () => void): number {
  // Warm up (JIT), then repeat until at least minMs has passed; returns ms per run.
  once();
  once();
  let runs = 0;
  const t0 = performance.now();
  do {
    once();
    runs++;
  } while (performance.now() - t0 < minMs);
  return (performance.now() - t0) / runs;
}

export async function reducerThroughput(opts: {
  conversations: number;
  events: number;
}): Promise<ReducerResult> {
  const { texts, me } = await recordFrames(opts.conversations, opts.events);
  const bodies = texts.map(
    (t) => (JSON.parse(t) as { eventBody: Models.ConversationEventTopicConversation }).eventBody,
  );
  let last: ConversationsState = emptyConversations();
  const reduceAll = () => {
    let s = emptyConversations();
    let at = 1_000;
    for (const body of bodies) s = reduceConversations(s, { type: 'event', body, me, at: at++ });
    last = s;
  };
  const parseAndReduce = () => {
    let s = emptyConversations();
    let at = 1_000;
    for (const text of texts) {
      const f = parseFrame(text);
      if (f.kind === 'conversation')
        s = reduceConversations(s, { type: 'event', body: f.body, me, at: at++ });
    }
  };
  const reduceMs = timeIt(1_500, reduceAll);
  const parseMs = timeIt(1_500, parseAndReduce);
  return {
    frames: texts.length,
    conversations: opts.conversations,
    reducerEventsPerSec: round((bodies.length * 1000) / reduceMs),
    parseAndReduceEventsPerSec: round((texts.length * 1000) / parseMs),
    activeAtEnd: last.entries.length,
  };
}
