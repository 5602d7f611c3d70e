import { describe, expect, it } from 'vitest';
import type { Api } from '../genesys/rest';
import type { StoredChannel } from './channel';
import { Upkeep, type UpkeepDeps } from './upkeep';

/** PUTs are held until released, so a change can arrive while one is in flight. */
function setup() {
  const puts: string[][] = [];
  const pending: (() => void)[] = [];
  let live = false;
  let extra = ['a'];
  const api: Api = {
    request: <T>(_m: string, _p: string, body?: unknown) =>
      new Promise<T>((resolve) => {
        puts.push((body as { id: string }[]).map((t) => t.id));
        pending.push(() => resolve({ entities: [] } as T));
      }),
    head: async () => 200,
  };
  const deps: UpkeepDeps = {
    api,
    extraTopics: { topics: () => extra, subscribed: () => undefined },
    loadChannel: async () => undefined,
    saveChannel: async () => undefined,
    now: () => 0,
    resync: async () => undefined,
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  };
  const channel: StoredChannel = { id: 'ch', connectUri: 'wss://x' };
  const upkeep = new Upkeep(deps, {
    target: () => ({ channel, userId: 'me' }),
    live: () => live,
    failed: () => undefined,
  });
  const release = async () => {
    for (const r of pending.splice(0)) r();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    upkeep,
    puts,
    release,
    setLive: (v: boolean) => {
      live = v;
    },
    setExtra: (t: string[]) => {
      extra = t;
    },
    channel,
  };
}

describe('the extra topics changing', () => {
  it('costs one PUT in flight and one after it, however many changes come meanwhile', async () => {
    const t = setup();
    t.setLive(true);
    t.upkeep.topicsChanged();
    for (const x of ['b', 'c', 'd']) {
      t.setExtra([x]);
      t.upkeep.topicsChanged();
    }
    expect(t.puts).toHaveLength(1);
    await t.release();
    expect(t.puts).toHaveLength(2);
    expect(t.puts[1]?.at(-1)).toBe('d'); // the latest list
    await t.release();
    expect(t.puts).toHaveLength(2);
  });

  it('a change while not live waits for the next live (the connect may have read the list before it)', async () => {
    const t = setup();
    t.upkeep.topicsChanged();
    expect(t.puts).toHaveLength(0);
    t.setLive(true);
    await t.upkeep.remember(t.channel, 'me');
    expect(t.puts).toHaveLength(1);
  });
});
