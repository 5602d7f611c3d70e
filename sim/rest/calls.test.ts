/**
 * Placing a call (issue 14): `POST /api/v2/conversations/calls` → the new outbound conversation on the
 * agent's topic (far end dialing → contacting → connected), the contact and queue it carries, and the
 * failures: the permission switch, no station, an invalid number, an unknown contact, the scope.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sim, SimOptions } from '../index';
import { DEMO_REDIRECT_URI, knownCustomer, SEED_USERS } from '../index';
import { isTopic, jsonBody, live, raw, signIn, testSim } from '../test-helpers';
import { DIAL_TO_RING_MS } from './calls';

const alex = SEED_USERS.alex.id;
let sim: Sim;
afterEach(() => sim.close());

async function start(o: SimOptions = {}) {
  sim = await testSim({ seed: undefined, rateLimitPerMinute: 1000, restLagMs: 0, ...o });
  return sim.issueToken({ userId: alex }).access_token;
}

const dial = (token: string, body: Models.CreateCallRequest | Record<string, unknown>) =>
  raw(sim, { method: 'POST', path: '/api/v2/conversations/calls', token, ...jsonBody(body) });

type Ev = Models.ConversationEventTopicConversation;
const farEnd = (ev: Ev) => ev.participants?.find((p) => p.purpose === 'customer')?.calls?.[0];

describe('POST /api/v2/conversations/calls', () => {
  it('200 {id}; the call arrives on the topic: agent connected, far end dialing → contacting → connected; REST matches', async () => {
    const token = await start();
    const { frames } = await live(sim, alex, ['conversations']);
    const contact = knownCustomer(2);
    const res = await dial(token, {
      phoneNumber: contact.phone,
      externalContactId: contact.externalContactId,
    });
    expect(res.status, res.text).toBe(200);
    const id = (res.json() as Models.CreateCallResponse).id ?? '';
    expect(id).toEqual(expect.any(String));
    const first = (await frames.next(isTopic('.conversations'))).eventBody as Ev;
    expect(first.id).toBe(id);
    const agent = first.participants?.find((p) => p.purpose === 'agent');
    expect(agent?.userId).toBe(alex);
    expect(agent?.calls?.[0]).toMatchObject({ state: 'connected', direction: 'outbound' });
    expect(farEnd(first)).toMatchObject({ state: 'dialing', direction: 'outbound' });
    const customer = first.participants?.find((p) => p.purpose === 'customer');
    expect(customer).toMatchObject({ externalContactId: contact.externalContactId, name: contact.name });
    expect(customer?.address).toBe(`tel:${contact.phone}`);
    const ringing = await frames.next(
      (f) => isTopic('.conversations')(f) && farEnd(f.eventBody as Ev)?.state === 'contacting',
      DIAL_TO_RING_MS + 2000,
    );
    expect((ringing.eventBody as Ev).id).toBe(id);
    expect(sim.truth(alex)).toEqual([
      expect.objectContaining({ id, state: 'connected', customerAddress: contact.phone }),
    ]);
    sim.act(id, { type: 'answer' });
    const answered = await frames.next(
      (f) => isTopic('.conversations')(f) && farEnd(f.eventBody as Ev)?.state === 'connected',
    );
    expect((answered.eventBody as Ev).id).toBe(id);
    const rest = (
      await raw(sim, { path: `/api/v2/conversations/${id}`, token })
    ).json() as Models.Conversation;
    expect(rest.participants?.find((p) => p.purpose === 'customer')?.calls?.[0]?.state).toBe('connected');
    const listing = (
      await raw(sim, { path: '/api/v2/conversations', token })
    ).json() as Models.ConversationEntityListing;
    expect(listing.entities?.map((c) => c.id)).toEqual([id]);
    sim.act(id, { type: 'disconnect', by: 'customer' });
    expect(sim.truth(alex)).toEqual([expect.objectContaining({ id, state: 'wrapup' })]);
    frames.ws.close();
  });

  it('callFromQueueId puts the queue on the agent; no externalContactId leaves the customer unassociated', async () => {
    const token = await start();
    const queueId = '4f1c2b3a-0000-4000-8000-000000000001';
    const { id } = (await dial(token, { phoneNumber: '+13175550999', callFromQueueId: queueId })).json() as {
      id: string;
    };
    const conv = (
      await raw(sim, { path: `/api/v2/conversations/${id}`, token })
    ).json() as Models.Conversation;
    expect(conv.participants?.find((p) => p.purpose === 'agent')?.queueId).toBe(queueId);
    expect(conv.participants?.find((p) => p.purpose === 'customer')?.externalContactId).toBeUndefined();
  });

  it('400 invalid.phone.number names the number; 400 for an unknown contact; nothing is placed', async () => {
    const token = await start();
    for (const phoneNumber of [
      '3175550123',
      '+1 317 555 0123',
      'tel:+13175550123',
      '+0123456789',
      '+12',
      '',
    ]) {
      const res = await dial(token, { phoneNumber });
      expect(res.json()).toMatchObject({
        status: 400,
        code: 'invalid.phone.number',
        messageParams: { phoneNumber },
      });
    }
    expect((await dial(token, { phoneNumber: '+13175550123', externalContactId: 'nope' })).status).toBe(400);
    expect(sim.truth(alex)).toEqual([]);
  });

  it('no station: 400 station.not.associated until one is selected (control API too)', async () => {
    const token = await start();
    sim.setStation(alex, false);
    expect((await dial(token, { phoneNumber: '+13175550123' })).json()).toMatchObject({
      status: 400,
      code: 'station.not.associated',
    });
    await raw(sim, {
      method: 'POST',
      path: '/__sim/setStation',
      ...jsonBody({ userId: alex, station: true }),
    });
    expect((await dial(token, { phoneNumber: '+13175550123' })).status).toBe(200);
  });

  it('the enforced permission is a switch; 403 names it; the scope is conversations', async () => {
    for (const dialPermission of ['conversation:conference:add', 'conversation:call:add'] as const) {
      await start({ dialPermission });
      const other =
        dialPermission === 'conversation:call:add' ? 'conversation:conference:add' : 'conversation:call:add';
      const u = sim.addUser({ name: 'Caller', permissions: [other] });
      const t = sim.issueToken({ userId: u.id }).access_token;
      expect((await dial(t, { phoneNumber: '+13175550123' })).json()).toMatchObject({
        status: 403,
        code: 'missing.permissions',
        messageParams: { permissions: `[${dialPermission}]` },
      });
      const ok = sim.addUser({ name: 'Allowed', permissions: [dialPermission] });
      expect(
        (await dial(sim.issueToken({ userId: ok.id }).access_token, { phoneNumber: '+13175550123' })).status,
      ).toBe(200);
      await sim.close();
    }
    await start();
    sim.registerClient({
      clientId: 'ro',
      redirectUris: [`${DEMO_REDIRECT_URI}ro`],
      scopes: ['conversations:readonly'],
    });
    const ro = await signIn(sim, alex, { clientId: 'ro', redirectUri: `${DEMO_REDIRECT_URI}ro` });
    expect((await dial(ro, { phoneNumber: '+13175550123' })).json()).toMatchObject({
      status: 403,
      code: 'missing.scopes',
    });
  });
});
