/**
 * `GET /api/v2/conversations` under the strict defaults: it trails the events by `restLagMs`
 * (1500 ms), leaves after-call work out (`restListsAfterCallWork: false`) and pages
 * (`conversationsPageSize`, 25); and REST participants carry no flat `state` (the SDK's model).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sim, SimOptions } from '../index';
import { SEED_USERS } from '../index';
import { raw, type TestClock, testClock, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let clock: TestClock;
let token: string;
afterEach(() => sim.close());

async function start(o: SimOptions = {}): Promise<void> {
  clock = testClock();
  sim = await testSim({ now: clock.now, rateLimitPerMinute: 10_000, ...o });
  token = sim.issueToken({ userId: alex }).access_token;
}

async function list(query = ''): Promise<Models.ConversationEntityListing> {
  const res = await raw(sim, { path: `/api/v2/conversations${query}`, token });
  expect(res.status).toBe(200);
  return res.json() as Models.ConversationEntityListing;
}

const ids = (l: Models.ConversationEntityListing) => (l.entities ?? []).map((c) => c.id);
const call = (n: number) =>
  sim.startConversation({ userId: alex, media: 'call', customer: { address: `+1317555${1000 + n}` } });

describe('REST lag (restLagMs, default 1500 ms)', () => {
  it('a new conversation shows only 1500 ms after its event; a change likewise', async () => {
    await start();
    const id = call(0);
    expect(ids(await list())).toEqual([]);
    clock.advance(1499);
    expect(ids(await list())).toEqual([]);
    clock.advance(1);
    expect(ids(await list())).toEqual([id]);
    sim.act(id, { type: 'answer' });
    sim.act(id, { type: 'disconnect', by: 'customer' });
    sim.act(id, { type: 'wrapup' });
    expect(sim.truth(alex)).toEqual([]);
    expect(ids(await list())).toEqual([id]); // still the alerting one
    clock.advance(1500);
    expect(ids(await list())).toEqual([]);
  });

  it('shows the state of 1500 ms ago, not the latest', async () => {
    await start({ restParticipantState: true });
    const id = call(0);
    clock.advance(2000);
    sim.act(id, { type: 'answer' });
    const agentState = async () =>
      ((await list()).entities?.[0]?.participants.find((p) => p.purpose === 'agent') as { state?: string })
        ?.state;
    expect(await agentState()).toBe('alerting');
    clock.advance(1500);
    expect(await agentState()).toBe('connected');
  });

  it('restLagMs: 0 lists live', async () => {
    await start({ restLagMs: 0 });
    const id = call(0);
    expect(ids(await list())).toEqual([id]);
  });

  it('GET /conversations/{id} does not lag', async () => {
    await start();
    const id = call(0);
    expect((await raw(sim, { path: `/api/v2/conversations/${id}`, token })).status).toBe(200);
  });
});

describe('after-call work (restListsAfterCallWork, default false)', () => {
  for (const lag of [0, 1500]) {
    it(`leaves a conversation in wrap-up out of the listing (lag ${lag} ms); true keeps it`, async () => {
      await start({ restLagMs: lag });
      const id = call(0);
      sim.act(id, { type: 'answer' });
      sim.act(id, { type: 'disconnect', by: 'customer' });
      expect(sim.truth(alex)).toMatchObject([{ id, state: 'wrapup' }]);
      clock.advance(lag);
      expect(ids(await list())).toEqual([]);
      await sim.close();
      await start({ restLagMs: lag, restListsAfterCallWork: true });
      const id2 = call(0);
      sim.act(id2, { type: 'answer' });
      sim.act(id2, { type: 'disconnect', by: 'customer' });
      clock.advance(lag);
      expect(ids(await list())).toEqual([id2]);
    });
  }
});

describe('paging (conversationsPageSize, default 25)', () => {
  it('27 conversations: two pages joined by nextUri, in start order', async () => {
    await start({ restLagMs: 0 });
    const all: string[] = [];
    for (let n = 0; n < 27; n++) {
      all.push(call(n));
      clock.advance(10);
    }
    const first = await list();
    expect(first).toMatchObject({
      pageSize: 25,
      pageNumber: 1,
      total: 27,
      pageCount: 2,
      nextUri: '/api/v2/conversations?pageSize=25&pageNumber=2',
      lastUri: '/api/v2/conversations?pageSize=25&pageNumber=2',
    });
    expect(first).not.toHaveProperty('previousUri');
    const next = await list((first.nextUri ?? '').replace('/api/v2/conversations', ''));
    expect(next).toMatchObject({ pageNumber: 2, pageCount: 2, previousUri: first.selfUri });
    expect(next).not.toHaveProperty('nextUri');
    expect([...ids(first), ...ids(next)]).toEqual(all);
  });

  it('pageSize may ask for less, never more; communicationType stays in the page links', async () => {
    await start({ restLagMs: 0, conversationsPageSize: 2 });
    for (let n = 0; n < 3; n++) call(n);
    expect(await list('?pageSize=100')).toMatchObject({ pageSize: 2, pageCount: 2 });
    const one = await list('?pageSize=1&communicationType=call');
    expect(one).toMatchObject({
      pageSize: 1,
      pageCount: 3,
      nextUri: '/api/v2/conversations?pageSize=1&pageNumber=2&communicationType=call',
    });
    expect(await list('?pageNumber=9')).toMatchObject({ entities: [], pageNumber: 9, total: 3 });
  });

  it('no conversations: an empty first page', async () => {
    await start();
    expect(await list()).toMatchObject({ entities: [], total: 0, pageNumber: 1, pageCount: 0 });
  });
});

describe('REST participants (restParticipantState, default false)', () => {
  it('carry no flat state, direction or externalContact: the SDK Participant', async () => {
    await start({ restLagMs: 0 });
    sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550101', externalContactId: 'ec-1' },
    });
    for (const p of (await list()).entities?.[0]?.participants ?? []) {
      expect(p).not.toHaveProperty('state');
      expect(p).not.toHaveProperty('direction');
      expect(p).not.toHaveProperty('externalContact');
      expect(p.calls?.[0]?.state).toMatch(/^(alerting|connected)$/);
    }
  });
});
