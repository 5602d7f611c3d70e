import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { type ChannelDeps, subscribe, topicsFor } from './channel';
import type { SubscribeOutcome, TopicSet } from './topic-set';

const ME = 'me';

/** A REST client that answers PUT …/subscriptions with `answer(topics)` and records each list. */
function fakeApi(answer: (topics: string[]) => Models.ChannelTopic[] | Error) {
  const puts: string[][] = [];
  const api: Api = {
    async request<T>(_m: string, _p: string, body?: unknown): Promise<T> {
      const topics = (body as { id: string }[]).map((t) => t.id);
      puts.push(topics);
      const a = answer(topics);
      if (a instanceof Error) throw a;
      return { entities: a } as T;
    },
    head: async () => 200,
  };
  return { api, puts };
}

function extras(list: string[]) {
  const outcomes: SubscribeOutcome[] = [];
  const set: TopicSet = { topics: () => list, subscribed: (o) => outcomes.push(o) };
  return { set, outcomes };
}

const deps = (api: Api, set: TopicSet): ChannelDeps => ({
  api,
  extraTopics: set,
  loadChannel: async () => undefined,
  saveChannel: async () => undefined,
  now: () => 0,
});

describe('extra topics on the agent’s channel', () => {
  it("are subscribed with the agent's own, without doubles, and their rejections go to their owner", async () => {
    const { api, puts } = fakeApi((topics) =>
      topics.map((id) =>
        id === 'v2.users.ana?presence&routingStatus'
          ? { id, state: 'Rejected', missingPermissions: ['routing:queue:view'] }
          : { id, state: 'Permitted' },
      ),
    );
    const { set, outcomes } = extras(['v2.users.ana?presence&routingStatus', `v2.users.${ME}.presence`]);
    await subscribe(deps(api, set), 'ch', ME);
    expect(puts).toEqual([[...topicsFor(ME), 'v2.users.ana?presence&routingStatus']]);
    expect(outcomes).toEqual([
      {
        rejected: [
          {
            id: 'v2.users.ana?presence&routingStatus',
            state: 'Rejected',
            missingPermissions: ['routing:queue:view'],
          },
        ],
      },
    ]);
  });

  it("a list refused whole (over the limit) is repeated with the agent's topics alone", async () => {
    const over = new GenesysError(400, { code: 'bad.request', message: 'too many topics' }, 'api.test');
    const { api, puts } = fakeApi((topics) =>
      topics.length > 3 ? over : topics.map((id) => ({ id, state: 'Permitted' })),
    );
    const { set, outcomes } = extras(['a', 'b']);
    await subscribe(deps(api, set), 'ch', ME);
    expect(puts).toEqual([[...topicsFor(ME), 'a', 'b'], topicsFor(ME)]);
    expect(outcomes).toEqual([{ rejected: [], failed: over }]);
  });

  it('a failure the extras did not cause is the connection’s, as before', async () => {
    const down = new GenesysError(503, { code: 'service.unavailable' }, 'api.test');
    const { api, puts } = fakeApi(() => down);
    const { set, outcomes } = extras(['a']);
    await expect(subscribe(deps(api, set), 'ch', ME)).rejects.toBe(down);
    expect(puts).toHaveLength(1);
    expect(outcomes).toEqual([]);
  });
});
