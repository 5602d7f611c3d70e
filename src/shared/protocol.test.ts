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

describe('the popup’s call-log failures', () => {
  it('only the popup may list failed writes and retry one, by a checked key; each is answered with the list', async () => {
    const { ALLOWED_COMMANDS, REPLIES } = await import('./protocol');
    expect(parseToWorker({ type: 'getLogFailures', requestId: 1 })).toEqual({
      type: 'getLogFailures',
      requestId: 1,
    });
    expect(parseToWorker({ type: 'logRetryWrite', key: 'c-1:p-1', requestId: 2 })).toEqual({
      type: 'logRetryWrite',
      key: 'c-1:p-1',
      requestId: 2,
    });
    expect(parseToWorker({ type: 'logRetryWrite', key: '' })).toBeUndefined();
    expect(parseToWorker({ type: 'logRetryWrite', key: 'x'.repeat(221) })).toBeUndefined();
    expect(parseToWorker({ type: 'logRetryWrite', key: 'k', conversationId: 'c' })).toBeUndefined();
    expect(ALLOWED_COMMANDS.popup).toEqual(expect.arrayContaining(['getLogFailures', 'logRetryWrite']));
    for (const kind of ['panel', 'options', 'team'] as const) {
      expect(ALLOWED_COMMANDS[kind]).not.toContain('getLogFailures');
      expect(ALLOWED_COMMANDS[kind]).not.toContain('logRetryWrite');
    }
    expect([REPLIES.getLogFailures, REPLIES.logRetryWrite]).toEqual(['logFailures', 'logFailures']);
    const list: ToClient = {
      type: 'logFailures',
      items: [
        {
          key: 'c-1:p-1',
          state: 'failed',
          conversationId: 'c-1',
          at: 1,
          reason: { code: 'log-http', params: { status: '422' } },
        },
      ],
    };
    expect(replyTo({ type: 'logRetryWrite', key: 'c-1:p-1', requestId: 4 }, list)).toEqual({
      ...list,
      requestId: 4,
    });
    expect(parseToClient(list)).toEqual(list);
    expect(parseToClient({ ...list, items: [{ ...list.items[0], state: 'written' }] })).toBeUndefined();
  });
});
