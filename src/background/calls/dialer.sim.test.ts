/**
 * Click-to-dial in Node against the simulator with an agent's token: the placed call reaches the
 * agent's conversations, with the contact; the simulator's refusals become the dial-* reasons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { knownCustomer, SEED_USERS, type Sim, type SimOptions } from '../../../sim/index';
import { testSim } from '../../../sim/test-helpers';
import { MyQueues } from '../genesys/my-queues';
import { createApi } from '../genesys/rest';
import { Dialer } from './dialer';

const alex = SEED_USERS.alex.id;
let sim: Sim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function dialerFor(o: SimOptions = {}) {
  sim = await testSim({ seed: undefined, rateLimitPerMinute: 1000, restLagMs: 0, ...o });
  const token = sim.issueToken({ userId: alex }).access_token;
  const api = createApi({ baseUrl: sim.url, getToken: async () => token });
  return new Dialer({
    getApi: () => api,
    myQueues: new MyQueues(),
    allowed: () => true,
    defaultCountry: async () => 'US',
    onChange: () => undefined,
    setTimeout: () => undefined,
  });
}

describe('click-to-dial against the simulator', () => {
  it('a national number with its contact: the call is the agent’s, to that contact, in E.164', async () => {
    const d = await dialerFor();
    const c = knownCustomer(0);
    const national = `(${c.phone.slice(2, 5)}) ${c.phone.slice(5, 8)}-${c.phone.slice(8)}`;
    await d.dial({ number: national, externalContactId: c.externalContactId });
    expect(d.view()).toBeUndefined();
    expect(sim?.truth(alex)).toEqual([
      expect.objectContaining({ customerAddress: c.phone, externalContactId: c.externalContactId }),
    ]);
  });

  it('no station, no permission, no scope: one reason each, with what to add', async () => {
    const d = await dialerFor();
    sim?.setStation(alex, false);
    await d.dial({ number: '+13175550123' });
    expect(d.view()?.failed?.error).toEqual({ code: 'dial-no-station' });
    const s = sim as Sim;

    const dialerAs = (token: string) =>
      new Dialer({
        getApi: () => createApi({ baseUrl: s.url, getToken: async () => token }),
        myQueues: new MyQueues(),
        allowed: () => true,
        defaultCountry: async () => 'US',
        onChange: () => undefined,
        setTimeout: () => undefined,
      });
    const viewer = s.addUser({ name: 'Viewer', permissions: ['conversation:communication:view'] });
    const refused = dialerAs(s.issueToken({ userId: viewer.id }).access_token);
    await refused.dial({ number: '+13175550123' });
    expect(refused.view()?.failed?.error).toEqual({
      code: 'dial-missing-permission',
      params: { permission: ['conversation:conference:add'] },
    });

    s.registerClient({
      clientId: 'read-only',
      redirectUris: ['https://example.test/cb'],
      scopes: ['conversations:readonly', 'notifications'],
    });
    const readOnly = dialerAs(s.issueToken({ userId: alex, clientId: 'read-only' }).access_token);
    await readOnly.dial({ number: '+13175550123' });
    expect(readOnly.view()?.failed?.error).toEqual({
      code: 'dial-missing-scope',
      params: { scope: 'conversations' },
    });
    expect(s.truth(alex)).toEqual([]);
  });
});
