import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { CrmView } from './domain';
import type { ReplyOf, ToClient, ToWorker } from './protocol';
import { connectForRequests, REQUEST_TIMEOUT_MS } from './request-link';
import { fakeWorkerPort } from './test-worker-port';

const crmTest = {
  type: 'crmTest',
  settings: {},
  sample: { media: 'call', address: '+13175550123' },
} satisfies ToWorker;
const card: CrmView = { status: 'none', crmName: 'CRM', source: 'lookup', records: [], canSearch: false };

let p: ReturnType<typeof fakeWorkerPort>;
let others: ToClient[];
let closed: number;
const connect = () =>
  connectForRequests('options', { onMessage: (m) => others.push(m), onClose: () => closed++ });

beforeEach(() => {
  p = fakeWorkerPort();
  others = [];
  closed = 0;
  vi.stubGlobal('chrome', { runtime: { connect: () => p.port } });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('request/reply pairing (client side)', () => {
  it("resolves with the command's reply type, paired by the request id it sent", async () => {
    const link = connect();
    const answer = link.request(crmTest);
    expectTypeOf(answer).resolves.toEqualTypeOf<Extract<ToClient, { type: 'crmTestResult' }>>();
    expectTypeOf<ReplyOf<{ type: 'getDiagnostics' }>>().toEqualTypeOf<
      Extract<ToClient, { type: 'diagnostics' }>
    >();
    const sent = p.posted[0] as Extract<ToWorker, { type: 'crmTest' }>;
    expect(sent).toEqual({ ...crmTest, requestId: expect.any(Number) });
    p.fromWorker({ type: 'crmTestResult', crm: card, request: 'GET x', requestId: sent.requestId });
    await expect(answer).resolves.toEqual({
      type: 'crmTestResult',
      crm: card,
      request: 'GET x',
      requestId: sent.requestId,
    });
    expect(others).toEqual([]); // a reply is not an ordinary message
  });

  it('ignores a reply for another request, and a reply of the wrong type with its id', async () => {
    const link = connect();
    const first = link.request(crmTest);
    const second = link.request({ type: 'getDiagnostics' });
    const [a, b] = p.posted.map((m) => (m as { requestId: number }).requestId);
    expect(a).not.toBe(b);
    const settled: string[] = [];
    first.then(() => settled.push('first'));
    second.then(() => settled.push('second'));

    p.fromWorker({ type: 'diagnostics', text: 'for the first? no', requestId: a }); // wrong type for a
    p.fromWorker({ type: 'crmTestResult', crm: card, requestId: 999 }); // nobody asked
    p.fromWorker({ type: 'crmTestResult', crm: card }); // no id at all
    await Promise.resolve();
    expect(settled).toEqual([]);

    p.fromWorker({ type: 'diagnostics', text: 'report', requestId: b });
    await expect(second).resolves.toMatchObject({ text: 'report' });
    expect(settled).toEqual(['second']);
    p.fromWorker({ type: 'crmTestResult', crm: { ...card, status: 'found' }, requestId: a });
    await expect(first).resolves.toMatchObject({ crm: { status: 'found' } });
    expect(others).toEqual([]);
  });

  it('rejects when no reply comes in time, and drops the late reply', async () => {
    vi.useFakeTimers();
    const link = connect();
    const answer = link.request(crmTest, 1_000);
    const failed = expect(answer).rejects.toThrow('no reply to crmTest within 1000 ms');
    vi.advanceTimersByTime(999);
    vi.advanceTimersByTime(1);
    await failed;
    const { requestId } = p.posted[0] as { requestId: number };
    p.fromWorker({ type: 'crmTestResult', crm: card, requestId });
    expect(others).toEqual([]);
  });

  it('waits REQUEST_TIMEOUT_MS by default', async () => {
    vi.useFakeTimers();
    const answer = connect().request({ type: 'getDiagnostics' });
    let done = false;
    answer.catch(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('fails pending requests at once when the worker goes away; other messages pass through', async () => {
    const link = connect();
    const answer = link.request(crmTest);
    const snapshot: ToClient = {
      type: 'snapshot',
      state: { connection: { status: 'live' }, conversations: [] },
    };
    p.fromWorker(snapshot);
    expect(others).toEqual([snapshot]);
    p.workerGone();
    await expect(answer).rejects.toThrow('no reply to crmTest');
    expect(closed).toBe(1);
  });
});
