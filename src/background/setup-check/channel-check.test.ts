import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons';
import type { Api } from '../genesys/rest';
import { checkChannel } from './channel-check';

/** An Api that records calls and answers the subscription PUT with `topics`. */
function fakeApi(topics: Models.ChannelTopic[], headStatus = 200) {
  const calls: string[] = [];
  const api: Api = {
    async request<T>(method: string, path: string): Promise<T> {
      calls.push(`${method} ${path}`);
      if (method === 'POST') return { id: 'new-channel', connectUri: 'wss://x' } as T;
      if (method === 'PUT') return { entities: topics } as T;
      return undefined as T;
    },
    async head(path) {
      calls.push(`HEAD ${path}`);
      return headStatus;
    },
  };
  return { api, calls };
}

const base = '/api/v2/notifications/channels';

describe('the check’s channel', () => {
  it('names the permissions of refused topics, and empties the channel even then', async () => {
    const { api, calls } = fakeApi([
      {
        id: 'v2.users.u.conversations',
        state: 'Rejected',
        missingPermissions: ['conversation:communication:view'],
      },
      { id: 'v2.users.u.presence', state: 'Permitted' },
    ]);
    const memory: { id?: string } = {};
    expect(await checkChannel(api, 'u', memory)).toEqual({
      id: 'channel',
      status: 'failed',
      reason: reason('subscription-missing-permission', { permission: ['conversation:communication:view'] }),
    });
    expect(memory.id).toBe('new-channel');
    expect(calls).toEqual([
      `POST ${base}`,
      `PUT ${base}/new-channel/subscriptions?ignoreErrors=true`,
      `DELETE ${base}/new-channel/subscriptions`,
    ]);
  });

  it('says why a topic was refused when no permission is named', async () => {
    const { api } = fakeApi([{ id: 'v2.users.u.presence', state: 'Rejected', rejectionReason: 'nope' }]);
    expect((await checkChannel(api, 'u', {})).reason).toEqual(
      reason('subscription-refused', { detail: 'v2.users.u.presence: nope' }),
    );
  });

  it('reuses the last run’s channel while HEAD finds it, and creates one when it is gone', async () => {
    const kept = fakeApi([]);
    expect(await checkChannel(kept.api, 'u', { id: 'old' })).toEqual({ id: 'channel', status: 'ok' });
    expect(kept.calls[0]).toBe(`HEAD ${base}/old`);
    expect(kept.calls).not.toContain(`POST ${base}`);

    const gone = fakeApi([], 404);
    const memory = { id: 'old' };
    await checkChannel(gone.api, 'u', memory);
    expect(gone.calls).toContain(`POST ${base}`);
    expect(memory.id).toBe('new-channel');
  });
});
