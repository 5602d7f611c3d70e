/** Channels die with the token that created them (`channelDiesWithToken`, strict default). */
import { afterEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS } from '../index';
import { connect, isTopic, live, raw, sleep, type TestClock, testClock, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let clock: TestClock;
afterEach(() => sim.close());

async function start(o: Parameters<typeof testSim>[0] = {}) {
  clock = testClock();
  sim = await testSim({ now: clock.now, ...o });
  return live(sim, alex, ['conversations']);
}

const head = (id: string, token: string) =>
  raw(sim, { method: 'HEAD', path: `/api/v2/notifications/channels/${id}`, token });

describe('a channel dies with its token (default)', () => {
  it('when the token expires: 404 result frame, close 1000, HEAD 404 with a new token', async () => {
    const { frames, channel } = await start({ tokenLifetimeSec: 300 });
    clock.advance(300_000);
    expect(await frames.next((f) => f.result === '404', 3000)).toMatchObject({
      result: '404',
      message: expect.stringMatching(/token/),
    });
    expect((await frames.closed).code).toBe(1000);
    const fresh = sim.issueToken({ userId: alex }).access_token;
    expect((await head(channel.id, fresh)).status).toBe(404);
  });

  it('when the token is revoked (DELETE /tokens/me): token_revoked, then the 404 frame and close', async () => {
    const { frames, token } = await start();
    expect((await raw(sim, { method: 'DELETE', path: '/api/v2/tokens/me', token })).status).toBe(204);
    await frames.next((f) => f.result === '404');
    expect(frames.list.map((f) => f.result ?? f.topicName)).toEqual([
      expect.stringMatching(/^v2\.system\.token_revoked\.streaming-0-/),
      '404',
    ]);
    expect((await frames.closed).code).toBe(1000);
  });

  it('when the token idles out (HIPAA, 900 s by default)', async () => {
    const { frames } = await start();
    clock.advance(899_000);
    await sleep(1100); // one sweep: still alive
    expect(frames.list).toEqual([]);
    clock.advance(1_000);
    expect(await frames.next((f) => f.result === '404', 3000)).toMatchObject({ result: '404' });
  });

  it('the expireTokens fault ends the channels at once', async () => {
    const { frames } = await start();
    sim.faults.expireTokens(alex);
    expect(await frames.next((f) => f.result === '404', 500)).toMatchObject({ result: '404' });
  });

  it('a socket opened on the channel of a dead token gets the 404 frame', async () => {
    const { frames, channel } = await start({ tokenLifetimeSec: 300 });
    frames.ws.close();
    await frames.closed;
    clock.advance(300_000);
    const again = await connect(channel.connectUri);
    expect(await again.next(() => true)).toMatchObject({ result: '404' });
  });
});

describe('channelDiesWithToken: false', () => {
  it('the channel outlives its expired or revoked token', async () => {
    const { frames, channel, token } = await start({ tokenLifetimeSec: 300, channelDiesWithToken: false });
    clock.advance(300_000);
    await sleep(1100);
    sim.faults.revokeTokens(alex);
    await frames.next(isTopic(`token_revoked.${channel.id}`));
    expect(frames.list.some((f) => f.result === '404')).toBe(false);
    const fresh = sim.issueToken({ userId: alex }).access_token;
    expect((await head(channel.id, fresh)).status).toBe(200);
    expect((await raw(sim, { path: '/api/v2/users/me', token })).status).toBe(401);
    frames.ws.close();
  });
});
