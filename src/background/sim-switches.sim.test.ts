/**
 * The worker's agent feed (through bench/node-agent.ts) against the simulator's switches whose
 * Genesys fact is uncertain, each way (issue 12 §2): a second socket on a channel drops the first
 * (`secondSocket: 'close-old'`, the default) or is refused (`'reject-new'`, HTTP 409); a socket to a
 * gone channel gets the 404 result frame (`unknownChannel: 'frame404'`) or a refused handshake
 * (`'reject'`, HTTP 404). After socket_closing, a channel expiry and a dropped socket, the agent must
 * be live again and show the simulator's truth.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NodeAgent } from '../../bench/node-agent';
import { type Sim, type SimOptions, startSim } from '../../sim/index';

let sim: Sim | undefined;
let agent: NodeAgent | undefined;
afterEach(async () => {
  agent?.stop();
  await sim?.close();
});

async function run(o: SimOptions): Promise<void> {
  const s = await startSim({
    heartbeatMs: 300,
    ...o,
  });
  sim = s;
  const user = s.addUser({ name: 'Switch Agent' });
  const token = s.issueToken({ userId: user.id }).access_token;
  const a = new NodeAgent({ baseUrl: s.url, userId: user.id, token, random: () => 0.01 }).start();
  agent = a;
  const shown = () => a.views().map((v) => ({ id: v.id, state: v.state }));
  const truth = () => s.truth(user.id).map((t) => ({ id: t.id, state: t.state }));
  const settled = () => expect.poll(shown, { timeout: 6_000, interval: 20 }).toEqual(truth());
  await expect.poll(() => a.status, { timeout: 4_000 }).toBe('live');
  const call = s.startConversation({ userId: user.id, media: 'call', customer: { address: '+13175550120' } });
  await settled();
  s.faults.socketClosing(user.id, { closeAfterMs: 300 });
  s.act(call, { type: 'answer' });
  await settled();
  await expect.poll(() => a.status, { timeout: 6_000 }).toBe('live');
  s.faults.expireChannels(user.id);
  s.act(call, { type: 'hold' });
  await settled();
  s.faults.dropSockets(user.id);
  s.act(call, { type: 'unhold' });
  await settled();
  await expect.poll(() => a.status, { timeout: 6_000 }).toBe('live');
  expect(a.authLost).toBeUndefined();
}

describe('the feed under each uncertain switch', () => {
  it.each([['close-old'], ['reject-new']] as const)('secondSocket: %s', async (secondSocket) => {
    await run({ secondSocket });
  });

  it.each([['frame404'], ['reject']] as const)('unknownChannel: %s', async (unknownChannel) => {
    await run({ unknownChannel });
  });
});
