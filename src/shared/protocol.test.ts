import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { parseToClient, parseToWorker } = await import('./protocol');

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
