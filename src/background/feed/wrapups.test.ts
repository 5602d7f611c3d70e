import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { type ConversationsAction, emptyConversations, reduceConversations } from '../conversations/reducer';
import { callEvent, ME, restCall } from '../conversations/test-fixtures';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { WrapupCheck, wrapupsToCheck } from './wrapups';

const inWrapup = reduceConversations(emptyConversations(), {
  type: 'event',
  body: callEvent({ state: 'disconnected', acw: 'pending', wrapupRequired: true }),
  me: ME,
  at: 0,
});

describe('wrap-ups the listing leaves out', () => {
  it('are the ones it omits or calls ended; one it lists in wrap-up needs no check', () => {
    expect(wrapupsToCheck(inWrapup, [], ME, 10)).toEqual(['conv-1']);
    expect(wrapupsToCheck(inWrapup, [restCall({ state: 'disconnected' })], ME, 10)).toEqual(['conv-1']);
    const listed = restCall({ state: 'disconnected' });
    const agent = listed.participants?.[1];
    if (agent) agent.wrapupRequired = true;
    expect(wrapupsToCheck(inWrapup, [listed], ME, 10)).toEqual([]);
  });

  it('are checked once at a time each; a 404 is evidence, another failure is not; a stale answer is dropped', async () => {
    const actions: ConversationsAction[] = [];
    let answer: () => Promise<Models.Conversation> = async () => {
      throw new GenesysError(404, { code: 'not.found' }, 'api.local');
    };
    let calls = 0;
    const api: Api = {
      request: async <T>() => {
        calls++;
        return (await answer()) as T;
      },
      head: async () => 200,
    };
    const check = new WrapupCheck({ dispatch: (a) => actions.push(a), now: () => 5 });
    check.check(api, ['conv-1'], ME, () => true);
    check.check(api, ['conv-1'], ME, () => true);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    expect(actions).toMatchObject([{ type: 'verify-wrapup', id: 'conv-1', conversation: undefined }]);
    answer = async () => {
      throw new GenesysError(503, { code: 'service.unavailable' }, 'api.local');
    };
    check.check(api, ['conv-1'], ME, () => true);
    answer = async () => restCall({ state: 'disconnected' });
    check.check(api, ['conv-2'], ME, () => false); // signed out meanwhile
    await new Promise((r) => setTimeout(r, 0));
    expect(actions).toHaveLength(1);
  });
});
