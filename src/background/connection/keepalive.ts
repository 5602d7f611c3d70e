/**
 * Keeping the socket honest: a `{"message":"ping"}` every PING_INTERVAL_MS (it keeps the socket,
 * and so the MV3 worker, alive, and Genesys answers it with a pong), and the verdict "dead" once
 * nothing at all (no event, heartbeat or pong) came for SILENCE_LIMIT_MS.
 *
 * Heartbeats come every 30 s [S], pongs within a round trip of each ping: a healthy socket is
 * never quiet for more than ~20 s. 45 s of silence means two pings went unanswered, so a silent
 * socket is found 45 s after its last frame (not at the next missed heartbeat: 75 s before).
 */
import type { ConnectionDeps } from './deps';

export const PING_INTERVAL_MS = 20_000;
export const SILENCE_LIMIT_MS = 45_000;

export type KeepaliveDeps = Pick<ConnectionDeps, 'now' | 'setTimeout' | 'clearTimeout'>;

export interface KeepaliveEvents {
  /** Every PING_INTERVAL_MS: send the ping (and do any periodic upkeep). */
  tick(): void;
  /** Nothing came for `quietMs`: the socket is dead. */
  silent(quietMs: number): void;
}

export class Keepalive {
  private lastSeen = 0;
  private tickTimer: unknown;
  private silenceTimer: unknown;

  constructor(
    private readonly deps: KeepaliveDeps,
    private readonly on: KeepaliveEvents,
  ) {}

  /** A frame (or the open) arrived. */
  seen(): void {
    this.lastSeen = this.deps.now();
  }

  /** Quiet for less than the limit. */
  get fresh(): boolean {
    return this.deps.now() - this.lastSeen < SILENCE_LIMIT_MS;
  }

  start(): void {
    this.stop();
    this.scheduleTick();
    this.scheduleSilence(SILENCE_LIMIT_MS - (this.deps.now() - this.lastSeen));
  }

  stop(): void {
    if (this.tickTimer !== undefined) this.deps.clearTimeout(this.tickTimer);
    if (this.silenceTimer !== undefined) this.deps.clearTimeout(this.silenceTimer);
    this.tickTimer = undefined;
    this.silenceTimer = undefined;
  }

  private scheduleTick(): void {
    this.tickTimer = this.deps.setTimeout(() => {
      this.scheduleTick();
      this.on.tick();
    }, PING_INTERVAL_MS);
  }

  /** Wakes when the silence limit would be reached, and looks again if a frame came meanwhile. */
  private scheduleSilence(ms: number): void {
    this.silenceTimer = this.deps.setTimeout(
      () => {
        const quiet = this.deps.now() - this.lastSeen;
        if (quiet >= SILENCE_LIMIT_MS) {
          this.stop();
          this.on.silent(quiet);
        } else this.scheduleSilence(SILENCE_LIMIT_MS - quiet);
      },
      Math.max(0, ms),
    );
  }
}
