/**
 * The right contact once, and the call log, with External Contacts: in Node against the simulator
 * (two contacts share one number), through the worker's own services (CRM lookups, remembered
 * picks, association, call log) with storage in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_USERS, SHARED_NUMBER_CUSTOMERS, SHARED_PHONE, type Sim, startSim } from '../../../sim/index';
import { type CapabilityId, capabilityStates, defaultCapabilities } from '../../shared/capabilities';
import { mergeCrmSettings } from '../../shared/crm/policy';
import type { ConversationView } from '../../shared/domain';
import { PickStore, webCrypto } from '../contacts/pick-store';
import { ASSOCIATE_RETRY_MS, ContactsService } from '../contacts/service';
import { CrmService } from '../crm/service';
import { createApi } from '../genesys/rest';
import { memoryStore } from '../kv-store';
import { CallLogService } from './service';
import { externalContactsWriter } from './writers';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let token: string;

beforeAll(async () => {
  sim = await startSim({ sharedNumber: true });
  token = sim.issueToken({ userId: alex }).access_token;
});
afterAll(async () => {
  await sim.close();
});

/** Every capability on, as the tracker says when the admin enabled them and the role has the grants. */
const states = capabilityStates(
  { ...defaultCapabilities(), associateContact: true, callLogging: true },
  'externalContacts',
  { scopes: ['external-contacts', 'conversations'], permissions: ['*:*:*'] },
);

async function until<T>(f: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function worker(waits: number[] = []) {
  const api = createApi({ baseUrl: sim.url, getToken: async () => token });
  const capability = (id: CapabilityId) => states[id];
  const contacts = new ContactsService({
    picks: new PickStore({ store: memoryStore(), crypto: webCrypto, now: Date.now }),
    getApi: () => api,
    agentId: () => alex,
    org: () => 'org-1',
    capability,
    sleep: async (ms) => void waits.push(ms), // a retry's wait, at once
  });
  const crm = new CrmService({
    getApi: () => api,
    picks: contacts,
    loadSettings: async () => mergeCrmSettings({ crmConnector: 'externalContacts' }, {}),
    hasPermission: async () => true,
    fetch,
    onChange: () => undefined,
  });
  const callLog = new CallLogService({
    store: memoryStore(),
    clock: {
      now: Date.now,
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (h) => clearTimeout(h as never),
    },
    getApi: () => api,
    agent: () => ({ id: alex, name: 'Alex' }),
    capability: () => states.callLogging,
    target: () => 'externalContacts',
    writer: () => externalContactsWriter({ getApi: () => api, timeoutMs: 5_000 }),
    onChange: () => undefined,
  });
  /** The panel state's conversations, as app.ts composes them. */
  const present = (views: ConversationView[]) => contacts.present(callLog.present(crm.present(views)));
  return { crm, contacts, callLog, present };
}

const call = (id: string): ConversationView => ({
  id,
  media: 'call',
  direction: 'inbound',
  state: 'connected',
  customerAddress: SHARED_PHONE,
  startedAt: Date.now() - 60_000,
  connectedAt: Date.now() - 50_000,
});

describe('remembered contacts and the call log (External Contacts, simulator)', () => {
  const [jordan, jamie] = SHARED_NUMBER_CUSTOMERS;

  it('remembers the pick for the next call from that number, associates it once, and logs one note', async () => {
    const w = worker();
    await w.crm.ready;
    const first = sim.startConversation({ userId: alex, media: 'call', customer: { address: SHARED_PHONE } });
    sim.act(first, { type: 'answer' });
    const found = await until(() => {
      const v = w.present([call(first)])[0];
      return v?.crm?.status === 'found' ? v : undefined;
    }, 'two matches');
    expect(found.crm?.records.map((r) => r.id).sort()).toEqual(
      [jordan?.externalContactId, jamie?.externalContactId].sort(),
    );
    expect(found.crm?.selected).toBeUndefined();
    expect(found.log?.status).toBe('no-record');

    const pick = found.crm?.records.findIndex((r) => r.id === jamie?.externalContactId) ?? -1;
    await w.crm.command({ type: 'crmPick', conversationId: first, index: pick });
    const picked = w.present([call(first)])[0];
    expect(picked?.crm?.records[picked.crm.selected ?? -1]?.id).toBe(jamie?.externalContactId);
    const assoc = await until(
      () => sim.externalContacts().associations.find((a) => a.conversationId === first),
      'association',
    );
    expect(assoc.externalContactId).toBe(jamie?.externalContactId);
    w.present([call(first)]);
    w.present([call(first)]);
    expect(sim.externalContacts().associations.filter((a) => a.conversationId === first)).toHaveLength(1);

    await w.callLog.command({ type: 'logNotes', conversationId: first, text: 'Wants the invoice again' });
    sim.act(first, { type: 'disconnect', by: 'customer' });
    sim.act(first, { type: 'wrapup', notes: 'Invoice resent' });
    w.present([]);
    const note = await until(
      () => sim.externalContacts().notes.find((n) => n.noteText?.includes(first)),
      'the note',
    );
    expect(note.entityId).toBe(jamie?.externalContactId);
    expect(note.noteText).toContain('Notes: Wants the invoice again');
    expect(note.noteText).toContain('Invoice resent');
    expect(note.createdBy.id).toBe(alex);
    w.present([]);
    await w.callLog.resume([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(sim.externalContacts().notes.filter((n) => n.noteText?.includes(first))).toHaveLength(1);

    const second = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: SHARED_PHONE },
    });
    const again = await until(() => {
      const v = w.present([{ ...call(second), state: 'alerting' }])[0];
      return v?.crm?.status === 'found' && v.crm.selected !== undefined ? v : undefined;
    }, 'the remembered pick');
    expect(again.crm?.records[again.crm.selected ?? -1]?.id).toBe(jamie?.externalContactId);
    expect(again.crm?.remembered).toBe(true);
  });

  it('an association that meets a 503 is made on the next try, once; a 403 is not tried again', async () => {
    const waits: number[] = [];
    const w = worker(waits);
    await w.crm.ready;
    const path = '/api/v2/externalcontacts/conversations';
    const settled = async (id: string) => {
      sim.act(id, { type: 'answer' });
      const v = await until(() => {
        const x = w.present([call(id)])[0];
        return x?.crm?.status === 'found' ? x : undefined;
      }, 'two matches');
      const pick = v.crm?.records.findIndex((r) => r.id === jamie?.externalContactId) ?? -1;
      await w.crm.command({ type: 'crmPick', conversationId: id, index: pick });
    };
    const seen: string[] = [];
    const off = sim.on('request', (r) => {
      if (r.method === 'PUT' && r.path.startsWith(path)) seen.push(r.path);
    });
    const puts = () => seen;

    sim.faults.failNext({ status: 503, count: 1, pathPrefix: path });
    const first = sim.startConversation({ userId: alex, media: 'call', customer: { address: SHARED_PHONE } });
    const before = puts().length;
    await settled(first);
    w.present([call(first)]);
    await until(
      () => sim.externalContacts().associations.find((a) => a.conversationId === first),
      'association',
    );
    expect(waits).toEqual([ASSOCIATE_RETRY_MS]);
    expect(puts().length - before).toBe(2);

    sim.faults.failNext({ status: 403, count: 1, pathPrefix: path });
    const second = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: SHARED_PHONE },
    });
    const mid = puts().length;
    await settled(second);
    w.present([call(second)]);
    await until(() => puts().length > mid || undefined, 'the refused PUT');
    await new Promise((r) => setTimeout(r, 100));
    expect(puts().length - mid).toBe(1);
    expect(waits).toEqual([ASSOCIATE_RETRY_MS]);
    off();
  });
});
