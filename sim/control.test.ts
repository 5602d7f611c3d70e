/** The control API over HTTP and the scenario scripts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from './index';
import { runScript, SEED_USERS, shiftChange } from './index';
import { isTopic, jsonBody, live, raw, sleep, testSim } from './test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
let sim: Sim;

beforeEach(async () => {
  sim = await testSim();
});
afterEach(() => sim.close());

const post = (path: string, body: unknown, host?: string) =>
  raw(sim, { method: 'POST', path, host, ...jsonBody(body) });

describe('HTTP control API', () => {
  it('drives conversations, presence and truth on any host', async () => {
    const started = await post(
      '/__sim/startConversation',
      { userId: alex, media: 'call', customer: { address: '+13175550100' } },
      'api.mypurecloud.com',
    );
    expect(started.status).toBe(200);
    const { id } = started.json() as { id: string };
    expect((await post('/__sim/act', { conversationId: id, action: { type: 'answer' } })).status).toBe(200);
    const truth = await raw(sim, { path: `/__sim/truth?userId=${alex}`, host: 'apps.mypurecloud.ie' });
    expect(truth.json()).toEqual([expect.objectContaining({ id, state: 'connected' })]);
    await post('/__sim/setPresence', { userId: alex, presence: 'Away' });
    await post('/__sim/setRoutingStatus', { userId: alex, status: 'IDLE' });
    expect(sim.users().find((u) => u.id === alex)).toMatchObject({ presence: 'AWAY', routingStatus: 'IDLE' });
    const added = await post('/__sim/addUser', { name: 'Dana Agent' });
    expect(added.json()).toMatchObject({ name: 'Dana Agent', id: expect.any(String) });
    expect(((await raw(sim, { path: '/__sim/stats' })).json() as { requests: number }).requests).toBe(0);
  });

  it('issues tokens and runs faults with named or positional arguments', async () => {
    const tok = (await post('/__sim/issueToken', { userId: alex })).json() as { access_token: string };
    expect((await raw(sim, { path: '/api/v2/users/me', token: tok.access_token })).status).toBe(200);
    await post('/__sim/faults/failNext', { status: 503, count: 1 });
    expect((await raw(sim, { path: '/api/v2/users/me', token: tok.access_token })).status).toBe(503);
    await post('/__sim/faults/expireTokens', [alex]);
    expect((await raw(sim, { path: '/api/v2/users/me', token: tok.access_token })).status).toBe(401);
    const bad = await post('/__sim/faults/nope', {});
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({ error: 'unknown fault nope' });
    expect((await post('/__sim/act', { conversationId: 'x', action: { type: 'answer' } })).status).toBe(400);
  });

  it('reorderNext over HTTP keeps its windowMs (named and positional)', async () => {
    const a = await live(sim, alex, ['conversations']);
    const conv = () => a.frames.list.filter(isTopic('.conversations'));
    for (const [i, body] of [{ n: 5, windowMs: 1500 }, [5, { windowMs: 1500 }]].entries()) {
      expect((await post('/__sim/faults/reorderNext', body)).status).toBe(200);
      sim.startConversation({ userId: alex, media: 'chat', customer: { address: `c${i}@example.com` } });
      // The default window (500 ms) would have let the short batch go by now.
      await sleep(800);
      expect(conv()).toHaveLength(i);
      await a.frames.next(() => conv().length === i + 1, 3000);
    }
    a.frames.ws.close();
  });

  it('closeSockets over HTTP', async () => {
    const a = await live(sim, alex);
    await post('/__sim/faults/closeSockets', { code: 4001, reason: 'ctl' });
    expect(await a.frames.closed).toEqual({ code: 4001, reason: 'ctl' });
  });

  it('runScript (wait) returns aliases', async () => {
    const res = await post('/__sim/runScript', {
      wait: true,
      speed: 10,
      steps: [
        { at: 0, start: { userId: 'alex', media: 'chat', customer: { address: 'x@example.com' } }, as: 'c1' },
        { at: 50, act: 'c1', action: { type: 'answer' } },
      ],
    });
    const { aliases } = res.json() as { aliases: Record<string, string> };
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id: aliases.c1, state: 'connected' })]);
  });
});

describe('scenario scripts', () => {
  it('runs steps in time order with speed, seed names and faults', async () => {
    const a = await live(sim, alex, ['conversations', 'presence']);
    const t0 = Date.now();
    const aliases = await runScript(
      sim,
      [
        { at: 200, act: 'c1', action: { type: 'transfer', toUserId: 'blair' } },
        { at: 0, start: { userId: 'alex', media: 'call', customer: { address: '+13175550100' } }, as: 'c1' },
        { at: 100, act: 'c1', action: { type: 'answer' } },
        { at: 100, presence: { userId: 'alex', presence: 'Busy' } },
        { at: 300, fault: { name: 'duplicateNext', args: { n: 0 } } },
      ],
      { speed: 4 },
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(60);
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id: aliases.c1, state: 'wrapup' })]);
    expect(sim.truth(blair)[0]?.state).toBe('alerting');
    await a.frames.next(isTopic('.presence'));
    a.frames.ws.close();
  });

  it('fault steps take positional or named arguments and seed names for user ids', async () => {
    const a = await live(sim, alex);
    const b = await live(sim, blair);
    await runScript(sim, [
      { at: 0, fault: { name: 'closeSockets', args: [4002, 'scripted', 'alex'] } },
      { at: 0, fault: { name: 'revokeTokens', args: { userId: 'blair' } } },
    ]);
    expect(await a.frames.closed).toEqual({ code: 4002, reason: 'scripted' });
    const revoked = await b.frames.next(isTopic(`token_revoked.${b.channel.id}`));
    expect(revoked.topicName).toBe(`v2.system.token_revoked.${b.channel.id}`);
    b.frames.ws.close();
  });

  it('shiftChange sets presence and routing for many users', () => {
    shiftChange(sim, [alex, 'blair'], 'On Queue', 'IDLE');
    expect(sim.users().filter((u) => u.presence === 'ON_QUEUE')).toHaveLength(2);
  });
});
