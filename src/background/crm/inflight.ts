/**
 * One request per key at a time: two conversations from the same number share one lookup. The
 * key is forgotten when its request settles, so a later call asks again (the LRU caches results).
 */
export class Inflight<T> {
  private running = new Map<string, Promise<T>>();

  run(key: string, go: () => Promise<T>): Promise<T> {
    const running = this.running.get(key);
    if (running) return running;
    const p = go().finally(() => {
      if (this.running.get(key) === p) this.running.delete(key);
    });
    this.running.set(key, p);
    return p;
  }

  clear(): void {
    this.running.clear();
  }

  get size(): number {
    return this.running.size;
  }
}
