import { describe, expect, it } from 'vitest';
import { Merged } from './merge';

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A Merged whose every run waits for the test to settle it (`runs[i]`). */
function mergedOfDeferred() {
  const runs: ReturnType<typeof deferred>[] = [];
  const merged = new Merged(() => {
    const d = deferred();
    runs.push(d);
    return d.promise;
  });
  return { runs, merged };
}

describe('Merged (the reconcile: one in flight, one pending)', () => {
  it('a storm of requests costs at most the run in flight and one more', async () => {
    const { runs, merged } = mergedOfDeferred();
    const first = merged.request();
    const later = Array.from({ length: 50 }, () => merged.request());
    expect(runs).toHaveLength(1);
    expect(new Set(later).size).toBe(1); // all joined the one pending run
    runs[0]?.resolve();
    await first;
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toHaveLength(2); // the pending run starts after the first ended
    const afterStart = merged.request(); // a request while the second runs: a third, pending
    runs[1]?.resolve();
    await later[0];
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toHaveLength(3);
    runs[2]?.resolve();
    await afterStart;
    expect(merged.runs).toBe(3);
  });

  it('a failed run fails its callers; the pending run still starts', async () => {
    const { runs, merged } = mergedOfDeferred();
    const first = merged.request();
    const second = merged.request();
    runs[0]?.reject(new Error('503'));
    await expect(first).rejects.toThrow('503');
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toHaveLength(2);
    runs[1]?.resolve();
    await expect(second).resolves.toBeUndefined();
  });
});
