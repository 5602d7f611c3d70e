/** The conversations a listing leaves out, asked about one by one before a reconcile ends them. */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { emptyConversations, reduceConversations } from '../conversations/reducer';
import { callEvent, ME, restCall } from '../conversations/test-fixtures';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { absentToCheck, checkAbsent, MAX_ABSENT_CHECKS } from './absent';

const LAG = 3_000;
const shown = (ids: string[], at: number, state: 'connected' | 'wrapup' = 'connected') =>
  ids.reduce(
    (s, id) =>
      reduceConversations(s, {
        type: 'event',
        body:
          state === 'wrapup'
            ? callEvent({ id, state: 'disconnected', acw: 'pending', wrapupRequired: true })
            : callEvent({ id, state }),
        me: ME,
        at,
      }),
    emptyConversations(),
  );

/** An Api whose `GET /conversations/{id}` answers from `answers` (an Error is thrown). */
function apiOf(answers: Record<string, Models.Conversation | Error>): Api & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    request: async <T>(_m: string, path: string) => {
      const id = decodeURIComponent(path.split('/').pop() ?? '');
      asked.push(id);
      const a = answers[id];
      if (a instanceof Error) throw a;
      return a as T;
    },
    head: async () => 200,
  } as Api & { asked: string[] };
}

describe('absent conversations', () => {
  it('checks exactly what a reconcile would end: left out, older than the lag, not a wrap-up', () => {
    const old = shown(['a', 'b'], 1_000);
    const s = reduceConversations(old, {
      type: 'event',
      body: callEvent({ id: 'young', state: 'connected' }),
      me: ME,
      at: 9_000,
    });
    const withWrapup = reduceConversations(s, {
      type: 'event',
      body: callEvent({ id: 'acw', state: 'disconnected', acw: 'pending', wrapupRequired: true }),
      me: ME,
      at: 1_000,
    });
    expect(absentToCheck(withWrapup, [restCall({ id: 'b', state: 'connected' })], ME, 10_000, LAG)).toEqual([
      'a',
    ]);
  });

  it('a 404 is evidence (gone), any other failure is none (unconfirmed), an answer is a row', async () => {
    const answer = restCall({ id: 'acw', state: 'disconnected' });
    const api = apiOf({
      gone: new GenesysError(404, { code: 'not.found' }, 'api'),
      busy: new GenesysError(429, { code: 'too.many.requests' }, 'api'),
      acw: answer,
    });
    const r = await checkAbsent(api, ['gone', 'busy', 'acw']);
    expect(r).toEqual({ rows: [answer], unconfirmed: ['busy'] });
  });

  it(`asks at most ${MAX_ABSENT_CHECKS} at a time; the rest stay unconfirmed`, async () => {
    const ids = Array.from({ length: MAX_ABSENT_CHECKS + 2 }, (_, i) => `c${i}`);
    const api = apiOf(Object.fromEntries(ids.map((id) => [id, restCall({ id, state: 'connected' })])));
    const r = await checkAbsent(api, ids);
    expect(api.asked).toHaveLength(MAX_ABSENT_CHECKS);
    expect(r.unconfirmed).toEqual(ids.slice(MAX_ABSENT_CHECKS));
  });
});
