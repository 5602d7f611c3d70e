/**
 * Every delayed action of the simulator (delayed and reordered events, socket_closing's close, a slow
 * CRM) is a timer here, so closing the simulator cancels them all and never leaves one behind.
 */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();

  /** setTimeout that clear() cancels. */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.pending.delete(t);
      fn();
    }, ms);
    this.pending.add(t);
  }

  clear(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }
}
