/**
 * The link: the Notification API connection's own state. Pure transitions; the driver
 * (connection.ts, its only writer) performs the effects. Whether the worker may connect at all is
 * the gate's (session/gate.ts, owned by the session); what the agent sees is derived from the two
 * (status-view.ts: the gate wins while it is not open).
 *
 *   connecting ──subscribed + resynced──→ live ──stable 30 s──→ live (attempt 0)
 *      ↑   │ failed                         │ lost
 *      │   ↓                                ↓
 *      └── reconnecting ←───────────────────┘  (backoff, Retry-After; attempt + 1)
 *   blocked: a permission/scope/region problem an admin must fix; only Retry leaves it
 *   reset (the connection stopped): back to connecting, attempt 0
 *   resume (a worker woke while a retry was pending): reconnecting with the stored attempt and time
 */
import type { Reason } from '../../shared/reasons';

export const LINK_STATUSES = ['connecting', 'live', 'reconnecting', 'blocked'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface LinkState {
  status: LinkStatus;
  reason?: Reason | undefined;
  retryAt?: number | undefined;
  /** Consecutive failed attempts; reset once a connection has stayed live for a while. */
  attempt: number;
  liveSince?: number | undefined;
}

export type LinkInput =
  | { type: 'connect' }
  | { type: 'live'; at: number }
  | { type: 'lost'; reason: Reason; retryAt: number }
  | { type: 'blocked'; reason: Reason }
  | { type: 'stable' }
  | { type: 'reset' }
  | { type: 'resume'; reason: Reason | undefined; retryAt: number; attempt: number };

export const initialLink: LinkState = { status: 'connecting', attempt: 0 };

export function nextLink(s: LinkState, input: LinkInput): LinkState {
  switch (input.type) {
    case 'connect':
      if (s.status === 'live' || s.status === 'connecting') return s;
      return {
        status: s.status === 'reconnecting' ? 'reconnecting' : 'connecting',
        reason: s.reason,
        attempt: s.attempt,
      };
    case 'live':
      return { status: 'live', attempt: s.attempt, liveSince: s.status === 'live' ? s.liveSince : input.at };
    case 'lost':
      return { status: 'reconnecting', reason: input.reason, retryAt: input.retryAt, attempt: s.attempt + 1 };
    case 'blocked':
      return { status: 'blocked', reason: input.reason, attempt: 0 };
    case 'stable':
      return s.status === 'live' && s.attempt !== 0 ? { ...s, attempt: 0 } : s;
    case 'reset':
      return s === initialLink ? s : initialLink;
    case 'resume':
      return { status: 'reconnecting', reason: input.reason, retryAt: input.retryAt, attempt: input.attempt };
  }
}
