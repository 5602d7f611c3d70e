import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { parseToClient, parseToWorker, replyTo } = await import('./protocol');
type ToClient = import('./protocol').ToClient;

describe('protocol schemas', () => {
  it('accepts exactly the known commands', () => {
    expect(parseToWorker({ type: 'signIn' })).toEqual({ type: 'signIn' });
    expect(parseToWorker({ type: 'signOut', extra: 1 })).toBeUndefined();
    expect(parseToWorker({ type: 'eval', code: 'x' })).toBeUndefined();
    expect(parseToWorker('signIn')).toBeUndefined();
    expect(parseToWorker(null)).toBeUndefined();
  });

  it('checks state messages field by field', () => {
    const ok = { type: 'snapshot', state: { connection: { status: 'live' }, conversations: [] } };
    expect(parseToClient(ok)).toEqual(ok);
    expect(
      parseToClient({ type: 'snapshot', state: { connection: { status: 'party' }, conversations: [] } }),
    ).toBeUndefined();
    expect(
      parseToClient({
        type: 'patch',
        upsert: [{ id: 'x', media: 'call', state: 'alerting', startedAt: 'yesterday' }],
      }),
    ).toBeUndefined();
  });
});

describe('request/reply pairing (worker side)', () => {
  it("stamps the command's request id on its reply, and only on its reply type", () => {
    const diagnostics = { type: 'diagnostics', text: 'r' } as const;
    expect(replyTo({ type: 'getDiagnostics', requestId: 7 }, diagnostics)).toEqual({
      ...diagnostics,
      requestId: 7,
    });
    expect(replyTo({ type: 'getDiagnostics' }, diagnostics)).toEqual(diagnostics);
    expect(
      replyTo({ type: 'crmTest', settings: {}, sample: { media: 'call' }, requestId: 7 }, diagnostics),
    ).toEqual(diagnostics);
    expect(replyTo({ type: 'signIn' }, diagnostics)).toEqual(diagnostics);
    const setup: ToClient = {
      type: 'setupCheckResult',
      checks: [{ id: 'hosts', status: 'ok' }],
      report: 'r',
    };
    expect(replyTo({ type: 'checkSetup', requestId: 3 }, setup)).toEqual({ ...setup, requestId: 3 });
    expect(parseToClient({ ...setup, checks: [{ id: 'dns', status: 'ok' }] })).toBeUndefined();
  });
});
