import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { MAX_PAGES, MY_QUEUES_PATH, MyQueues } from './my-queues';
import type { Api } from './rest';

type Page = Models.UserQueueEntityListing;

/** A REST client whose answers the test releases one by one; records the paths asked. */
function heldApi() {
  const asked: string[] = [];
  const held: { resolve(p: Page): void; reject(e: Error): void }[] = [];
  const api: Api = {
    request: <T>(_method: string, path: string) => {
      asked.push(path);
      return new Promise<T>((resolve, reject) => {
        held.push({ resolve: (p) => resolve(p as T), reject });
      });
    },
    head: async () => 200,
  };
  const answer = async (p: Page) => {
    await Promise.resolve();
    held.shift()?.resolve(p);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { api, asked, held, answer };
}

const page = (ids: string[], nextUri?: string): Page => ({
  entities: ids.map((id) => ({ id, name: id.toUpperCase(), joined: true })),
  ...(nextUri ? { nextUri } : {}),
});

describe('the agent’s queues, one reader', () => {
  it('shares the read in flight and reuses its answer; follows nextUri', async () => {
    const { api, asked, answer } = heldApi();
    const q = new MyQueues(() => 1_000);
    const heard: number[] = [];
    q.onAnswer((l) => heard.push(l.length));
    const a = q.list(api);
    const b = q.list(api, 5_000); // in flight: shared, however old it is asked to be
    await answer(page(['q1'], `https://api.example/api/v2/routing/queues/me?pageSize=100&after=q1`));
    await answer(page(['q2']));
    expect((await a).map((x) => x.id)).toEqual(['q1', 'q2']);
    expect(await b).toBe(await a);
    expect(asked).toEqual([MY_QUEUES_PATH, '/api/v2/routing/queues/me?pageSize=100&after=q1']);
    expect(await q.list(api)).toBe(await a);
    expect(await q.list(api, 1_000)).toBe(await a); // read at 1,000: since 1,000 holds
    expect(asked).toHaveLength(2);
    expect(heard).toEqual([2]);
  });

  it('reads again for an asker that needs a read since a later time (a reconnect), and tells the listeners', async () => {
    const { api, asked, answer } = heldApi();
    let now = 1_000;
    const q = new MyQueues(() => now);
    const heard: string[][] = [];
    q.onAnswer((l) => heard.push(l.map((x) => x.id ?? '')));
    const first = q.list(api);
    await answer(page(['q1']));
    await first;
    now = 9_000;
    const again = q.list(api, 8_000);
    await answer(page(['q1', 'q3']));
    expect((await again).map((x) => x.id)).toEqual(['q1', 'q3']);
    expect(await q.list(api, 8_000)).toBe(await again);
    expect(asked).toHaveLength(2);
    expect(heard).toEqual([['q1'], ['q1', 'q3']]);
  });

  it('keeps no failed read, and drops a read of an earlier sign-in', async () => {
    const { api, asked, held, answer } = heldApi();
    const q = new MyQueues(() => 0);
    const heard: number[] = [];
    q.onAnswer((l) => heard.push(l.length));
    const failed = q.list(api);
    held.shift()?.reject(new Error('503'));
    await expect(failed).rejects.toThrow('503');
    const old = q.list(api);
    expect(asked).toHaveLength(2); // the failure was not kept
    q.reset(); // sign-out while the read is in flight
    const fresh = q.list(api);
    expect(asked).toHaveLength(3);
    await answer(page(['old']));
    await old;
    expect(heard).toEqual([]); // the earlier sign-in's answer is nobody's
    await answer(page(['new']));
    expect((await fresh).map((x) => x.id)).toEqual(['new']);
    expect(heard).toEqual([1]);
  });

  it('stops after MAX_PAGES pages of a chain that never ends', async () => {
    let n = 0;
    const api: Api = {
      request: async <T>() => page([`q${n++}`], '/api/v2/routing/queues/me?pageSize=100&pageNumber=x') as T,
      head: async () => 200,
    };
    expect(await new MyQueues().list(api)).toHaveLength(MAX_PAGES);
  });
});
