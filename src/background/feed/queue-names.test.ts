import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { type ConversationsState, emptyConversations, reduceConversations } from '../conversations/reducer';
import { callEvent, ME, QUEUE, restCall } from '../conversations/test-fixtures';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { FAILURE_BACKOFF_MS, MIN_INTERVAL_MS, QueueNames } from './queue-names';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** One conversation on QUEUE, with no name yet (as events give it). */
function stateWithQueue(): ConversationsState {
  return reduceConversations(emptyConversations(), {
    type: 'event',
    body: callEvent({ state: 'alerting' }),
    me: ME,
    at: 0,
  });
}

function harness(answer: () => Promise<Models.Conversation>) {
  const h = { now: 0, calls: 0, names: {} as Record<string, string>, applied: [] as string[] };
  const api: Api = {
    request: async <T>() => {
      h.calls++;
      return (await answer()) as T;
    },
    head: async () => 200,
  };
  const names = new QueueNames({
    known: () => h.names,
    save: (n) => {
      h.names = { ...n };
    },
    apply: (_q, name) => h.applied.push(name),
    now: () => h.now,
  });
  return { h, api, names };
}

describe('queue-name lookups', () => {
  it('never one per event: at most one per queue per minute, then the name is reused', async () => {
    const { h, api, names } = harness(async () => restCall({ state: 'connected', queueName: 'Billing' }));
    const s = stateWithQueue();
    for (let i = 0; i < 100; i++) names.lookUp(api, s); // a storm of events on the queue
    await flush();
    expect(h.calls).toBe(1);
    expect(h.names).toEqual({ [QUEUE]: 'Billing' });
    names.lookUp(api, s);
    expect(h.applied.at(-1)).toBe('Billing');
    expect(h.calls).toBe(1);
  });

  it('remembers a failure (403, 404, no name) per queue and backs off, doubling', async () => {
    let fail: () => Promise<Models.Conversation> = async () => {
      throw new GenesysError(403, { code: 'missing.permissions' }, 'api.local');
    };
    const { h, api, names } = harness(() => fail());
    const s = stateWithQueue();
    names.lookUp(api, s);
    await flush();
    expect(h.calls).toBe(1);
    h.now = FAILURE_BACKOFF_MS - 1;
    names.lookUp(api, s);
    expect(h.calls).toBe(1);
    h.now = FAILURE_BACKOFF_MS;
    names.lookUp(api, s);
    await flush();
    expect(h.calls).toBe(2);
    fail = async () => restCall({ state: 'connected', queueName: '' }); // answers, but without the name
    h.now += 2 * FAILURE_BACKOFF_MS - 1;
    names.lookUp(api, s);
    expect(h.calls).toBe(2); // the second failure doubled the wait
    h.now += 1;
    names.lookUp(api, s);
    await flush();
    expect(h.calls).toBe(3);
    expect(h.names).toEqual({});
  });

  it("waits at least a 429's Retry-After", async () => {
    const { h, api, names } = harness(async () => {
      throw new GenesysError(429, { code: 'too.many.requests.retry.after' }, 'api.local', 600);
    });
    const s = stateWithQueue();
    names.lookUp(api, s);
    await flush();
    h.now = Math.max(MIN_INTERVAL_MS, FAILURE_BACKOFF_MS) + 1;
    names.lookUp(api, s);
    h.now = 599_999;
    names.lookUp(api, s);
    expect(h.calls).toBe(1);
    h.now = 600_000;
    names.lookUp(api, s);
    await flush();
    expect(h.calls).toBe(2);
  });
});
