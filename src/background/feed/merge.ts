/**
 * Merged runs of one job (the conversations reconcile): at most one in flight and one pending. A
 * request while a run is in flight joins the pending run, which starts once the current one ends
 * (its listing must be taken after the request, so it cannot join the run in flight). A storm of
 * settle timers and reconnect resyncs so costs at most two listings at a time, never one per event.
 */
export class Merged {
  private inFlight: Promise<void> | undefined;
  private pending: Promise<void> | undefined;
  /** Runs started so far (tests, bench). */
  runs = 0;

  constructor(private readonly job: () => Promise<void>) {}

  /** A run in flight or pending. */
  get running(): boolean {
    return this.inFlight !== undefined || this.pending !== undefined;
  }

  /** Resolves (or rejects) with the run that covers this request. */
  request(): Promise<void> {
    if (!this.inFlight) return this.start();
    this.pending ??= this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.pending = undefined;
        return this.start();
      });
    return this.pending;
  }

  private start(): Promise<void> {
    this.runs++;
    const run = this.job().finally(() => {
      if (this.inFlight === run) this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }
}
