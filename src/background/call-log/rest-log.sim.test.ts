/**
 * The call log to a REST CRM (the simulator's demo CRM, `POST /api/activities` with an
 * `Idempotency-Key`): written once after wrap-up, retried while the CRM fails, and never twice when
 * the CRM stored it but the answer was lost.
 */
import { describe, expect, it } from 'vitest';
import { knownCustomer } from '../../../sim/index';
import { capabilityStates, defaultCapabilities } from '../../shared/capabilities';
import { mergeCrmSettings } from '../../shared/crm/policy';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import type { ConversationView } from '../../shared/domain';
import { alex, api, demo, sim, simFetch, useCrmSim } from '../crm/crm-sim.vitest-setup';
import { CrmService } from '../crm/service';
import { memoryStore } from '../kv-store';
import { BACKOFF_BASE_MS } from './queue';
import { CallLogService } from './service';
import { restCrmWriter } from './writers';

useCrmSim();

const states = capabilityStates({ ...defaultCapabilities(), callLogging: true }, 'rest', {
  scopes: [],
  permissions: [],
});

async function until<T>(f: () => T | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function worker() {
  /** The queue's clock runs ahead when a test says so (backoff without waiting). */
  const clock = {
    skew: 0,
    now: () => Date.now() + clock.skew,
    setTimeout: () => undefined,
    clearTimeout: () => undefined,
  };
  const crm = new CrmService({
    getApi: api,
    loadSettings: async () => mergeCrmSettings({ ...DEMO_CRM_PRESET }, {}),
    hasPermission: async () => true,
    fetch: simFetch,
    onChange: () => undefined,
  });
  const callLog = new CallLogService({
    store: memoryStore(),
    clock,
    getApi: api,
    agent: () => ({ id: alex, name: 'Alex' }),
    capability: () => states.callLogging,
    target: () => 'rest',
    writer: () =>
      restCrmWriter({ settings: demo, fetch: simFetch, hasPermission: async () => true, timeoutMs: 2_000 }),
    onChange: () => undefined,
  });
  return { crm, callLog, clock, present: (v: ConversationView[]) => callLog.present(crm.present(v)) };
}

const customer = knownCustomer(2);
const view = (id: string): ConversationView => ({
  id,
  media: 'call',
  direction: 'inbound',
  state: 'connected',
  customerAddress: customer.phone,
  queueName: 'Support',
  startedAt: Date.now() - 90_000,
  connectedAt: Date.now() - 80_000,
});

/** A call answered and shown with its single CRM match, with notes typed, then ended with a wrap-up. */
async function endedCall(w: ReturnType<typeof worker>, notes: string) {
  await w.crm.ready;
  const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: customer.phone } });
  sim.act(id, { type: 'answer' });
  await until(() => w.present([view(id)])[0]?.log?.status === 'ready', 'the matched record');
  await w.callLog.command({ type: 'logNotes', conversationId: id, text: notes });
  sim.act(id, { type: 'disconnect', by: 'customer' });
  sim.act(id, { type: 'wrapup', code: undefined, notes: 'Sorted' });
  w.present([]);
  return id;
}

const recordsOf = (id: string) =>
  sim.crmActivities().records.filter((r) => r.idempotencyKey?.startsWith(`${id}:`));

describe('call log to the demo CRM (simulator)', () => {
  it('writes one activity with the wrap-up code name, the notes and the Idempotency-Key', async () => {
    const w = worker();
    const id = await endedCall(w, 'Asked about the renewal');
    const [rec] = await until(() => recordsOf(id).length === 1 && recordsOf(id), 'the activity');
    expect(rec?.activity).toMatchObject({
      conversationId: id,
      customerId: customer.id,
      media: 'call',
      direction: 'inbound',
      queue: 'Support',
      wrapupCode: 'Default Wrap-up Code',
      wrapupNotes: 'Sorted',
      notes: 'Asked about the renewal',
      agentId: alex,
    });
    expect(typeof rec?.activity.durationSeconds).toBe('number');
  });

  it('retries while the CRM fails, then writes once', async () => {
    const w = worker();
    sim.faults.crmWriteFault('error', 0);
    const id = await endedCall(w, 'Retry me');
    await until(() => w.callLog.queue.ofConversation(id)?.error, 'the failed write');
    expect(w.callLog.queue.ofConversation(id)).toMatchObject({
      state: 'pending',
      error: { code: 'crm-unavailable' },
    });
    expect(recordsOf(id)).toHaveLength(0);
    sim.faults.reset();
    w.clock.skew += BACKOFF_BASE_MS;
    await w.callLog.resume([]);
    expect(w.callLog.queue.ofConversation(id)?.state).toBe('written');
    expect(recordsOf(id)).toHaveLength(1);
  });

  it('is written once when the CRM stored it but the answer was lost', async () => {
    const w = worker();
    sim.faults.crmWriteFault('lost-response', 1);
    const before = sim.crmActivities().attempts;
    const id = await endedCall(w, 'Lost answer');
    await until(() => w.callLog.queue.ofConversation(id)?.error, 'the lost answer');
    expect(recordsOf(id)).toHaveLength(1);
    w.clock.skew += BACKOFF_BASE_MS;
    await w.callLog.resume([]);
    expect(w.callLog.queue.ofConversation(id)?.state).toBe('written');
    expect(recordsOf(id)).toHaveLength(1);
    expect(sim.crmActivities().attempts - before).toBe(2);
  });
});
