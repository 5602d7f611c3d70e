/**
 * The soak's faults: what each does to the simulator or the browser, which of them cost a
 * reconnect, and how many attempts each makes fail. Used by e2e/soak-runner.ts.
 */
import type { BrowserContext } from '@playwright/test';
import type { Sim } from '../sim/index';
import { evictServiceWorker } from './fixtures';

export const FAULTS = [
  'drop-sockets',
  'close-4000',
  'socket-closing',
  'expire-channels',
  'evict-worker',
  'rate-limit-429',
  'server-503',
  'expire-token',
  'duplicate-events',
  'reorder-events',
  'malformed-frames',
  'oversized-frame',
  'no-longer-subscribed',
  'refuse-handshake',
] as const;
export type FaultName = (typeof FAULTS)[number];

/**
 * Faults that cost a reconnect (all but the four that only garble the stream), 3.5 s after the last recovery. The product resets its backoff only
 * after 30 s live, so in this compressed day the waits stack up to the 30 s cap (under the 40 s
 * checkpoint limit): spacing them by 30 s would make the soak ten times longer.
 */
export const DISRUPTIVE: ReadonlySet<FaultName> = new Set(
  FAULTS.filter(
    (f) => !['duplicate-events', 'reorder-events', 'malformed-frames', 'oversized-frame'].includes(f),
  ),
);
export const QUIET_AFTER_DISRUPTION_MS = 3_500;
/**
 * A fault strikes between the agent's actions, not in the millisecond of one: the events of the
 * last action reach the extension first. (Events cut off with a socket are lost to any client, and
 * a conversation none of whose events arrived and that reaches after-call work before the reconnect
 * is in no strict listing: nothing could show it. README, "How the connection works".)
 */
export const EVENTS_LAND_MS = 150;
/**
 * Attempts a fault makes fail after its reconnect began (429s, 503s, refused handshakes: two
 * refused opens, then a new channel). Each failure costs one more backoff, which in this compressed
 * day may be at its 30 s cap, so such a checkpoint gets BACKOFF_CAP_MS more per failed attempt.
 */
export const FAILED_ATTEMPTS: Partial<Record<FaultName, number>> = {
  'rate-limit-429': 2,
  'server-503': 3,
  'refuse-handshake': 2,
};
export const BACKOFF_CAP_MS = 30_000;
export async function inject(
  fault: FaultName,
  sim: Sim,
  context: BrowserContext,
  userId: string,
): Promise<void> {
  const f = sim.faults;
  switch (fault) {
    case 'drop-sockets':
      return f.dropSockets(userId);
    case 'close-4000':
      return f.closeSockets(4000, 'server restart', userId);
    case 'socket-closing':
      return f.socketClosing(userId, { closeAfterMs: 1_000 });
    case 'expire-channels':
      return f.expireChannels(userId);
    case 'evict-worker':
      return evictServiceWorker(context);
    case 'rate-limit-429':
      f.failNext({ status: 429, count: FAILED_ATTEMPTS[fault], retryAfterSec: 1 });
      return f.dropSockets(userId);
    case 'server-503':
      f.failNext({ status: 503, count: FAILED_ATTEMPTS[fault] });
      return f.dropSockets(userId);
    case 'expire-token':
      // The channel dies with its token (404 frame, close); the silent renewal passes the SSO page.
      return f.expireTokens(userId);
    case 'refuse-handshake':
      f.rejectHandshake(403, FAILED_ATTEMPTS[fault]); // the channel cannot carry a socket: after 2 opens, a new one
      return f.dropSockets(userId);
    case 'duplicate-events':
      return f.duplicateNext(4);
    case 'reorder-events':
      return f.reorderNext(3);
    case 'malformed-frames':
      f.sendMalformed(userId, 'not-json');
      f.sendMalformed(userId, 'unknown-topic');
      return f.sendMalformed(userId, 'missing-fields');
    case 'oversized-frame':
      return f.sendOversized(userId, 1_048_576);
    case 'no-longer-subscribed':
      return f.noLongerSubscribed(userId);
  }
}
