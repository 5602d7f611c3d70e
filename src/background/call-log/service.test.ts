/**
 * The call log's record across a worker eviction, without a simulator: the record a card settled on
 * stays while the card is looked up again (the CRM cache died with the worker), and only the
 * lookup's answer changes it.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationView, CrmView } from '../../shared/domain';
import type { Api } from '../genesys/rest';
import { memoryStore } from '../kv-store';
import { CallLogService, TRACKED_KEY } from './service';

const crm = (o: Partial<CrmView>): CrmView => ({
  status: 'found',
  crmName: 'External Contacts',
  source: 'lookup',
  records: [],
  canSearch: true,
  ...o,
});
const robin = { id: 'ec-robin', name: 'Robin Diaz' };
const jamie = { id: 'ec-jamie', name: 'Jamie Diaz' };
const view = (c: CrmView | undefined): ConversationView => ({
  id: 'c1',
  media: 'call',
  state: 'connected',
  customerAddress: '+13175550101',
  startedAt: 1_000,
  connectedAt: 2_000,
  crm: c,
});

/** A worker's call log over `store` (a new one per worker start; the store is storage.local). */
async function worker(store: ReturnType<typeof memoryStore>, api?: Api) {
  const s = new CallLogService({
    store,
    clock: { now: () => 10_000, setTimeout: () => undefined, clearTimeout: () => undefined },
    getApi: () => api,
    agent: () => ({ id: 'u1' }),
    capability: () => ({ status: 'on' }),
    target: () => 'externalContacts',
    writer: () => undefined,
    onChange: () => undefined,
  });
  await s.ready;
  return s;
}

const statusOf = (s: CallLogService, v: ConversationView) => s.present([v])[0]?.log?.status;
/** What storage.local holds for the conversation once the service's saves are done. */
async function storedRecord(store: ReturnType<typeof memoryStore>) {
  await new Promise((r) => setTimeout(r, 0));
  return (await store.get<Record<string, { recordId?: string }>>(TRACKED_KEY))?.c1?.recordId;
}

describe('call log: the record after an eviction', () => {
  it('stays while the card is looked up again; the lookup’s answer (or a new pick) changes it', async () => {
    const store = memoryStore();
    const before = await worker(store);
    // The agent picked Robin of two matches.
    expect(statusOf(before, view(crm({ records: [robin, jamie], selected: 0 })))).toBe('ready');
    expect(await storedRecord(store)).toBe(robin.id);

    const after = await worker(store); // evicted: the CRM service starts with no card
    expect(statusOf(after, view(undefined))).toBe('ready');
    expect(statusOf(after, view(crm({ status: 'loading' })))).toBe('ready');
    expect(await storedRecord(store)).toBe(robin.id);

    // The lookup answers with both and no remembered pick: nothing settled, nothing is written.
    expect(statusOf(after, view(crm({ records: [robin, jamie] })))).toBe('no-record');
    expect(await storedRecord(store)).toBeUndefined();
    expect(statusOf(after, view(crm({ records: [robin, jamie], selected: 1 })))).toBe('ready');
    expect(await storedRecord(store)).toBe(jamie.id);
  });

  it('a card still loading with nothing settled before has no record', async () => {
    const s = await worker(memoryStore());
    expect(statusOf(s, view(crm({ status: 'loading' })))).toBe('no-record');
  });
});

describe('call log: drafts across a worker start', () => {
  /** A worker whose REST says nothing: a draft is dropped (no record) or checked only if asked. */
  async function started(store: ReturnType<typeof memoryStore>) {
    const asked: string[] = [];
    const s = await worker(store, {
      request: async (_m: string, path: string) => {
        asked.push(path);
        throw new Error('no answer');
      },
      head: async () => 200,
    });
    return { s, asked };
  }
  const several = view(crm({ records: [robin, jamie] })); // no pick yet: no record

  it('the notes of a conversation the worker still holds survive a start before any view is shown', async () => {
    const store = memoryStore();
    const { s: before } = await started(store);
    before.present([several]);
    await before.command({ type: 'logNotes', conversationId: 'c1', text: 'typed before the eviction' });
    const { s: after } = await started(store);
    await after.resume(['c1']); // app.ts: before the relay's first flush presents any view
    await new Promise((r) => setTimeout(r, 0));
    expect(after.present([several])[0]?.log?.notes).toBe('typed before the eviction');
  });

  it('a draft with no record whose conversation is gone is dropped (nothing is written without one)', async () => {
    const store = memoryStore();
    const { s: before } = await started(store);
    before.present([several]);
    await before.command({ type: 'logNotes', conversationId: 'c1', text: 'never logged' });
    const { s: after, asked } = await started(store);
    await after.resume([]);
    await new Promise((r) => setTimeout(r, 0));
    expect((await store.get<Record<string, unknown>>(TRACKED_KEY))?.c1).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
