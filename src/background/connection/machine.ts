/**
 * The connection's one explicit state. Pure transitions; the driver performs the effects.
 *
 *   unconfigured ─settings→ signed-out ─sign-in→ connecting ─→ live
 *                                  ↑                 │  ↑        │ lost
 *                                  │                 ↓  │        ↓
 *                          needs-sign-in ←─auth── reconnecting ──┘ (backoff, Retry-After)
 *                          blocked (a permission/scope/region problem an admin must fix)
 */
import type { ConnectionStatus, ConnectionView } from '../../shared/domain';
import type { Reason } from '../../shared/reasons';

export interface ConnState {
  status: ConnectionStatus;
  reason?: Reason | undefined;
  retryAt?: number | undefined;
  /** Consecutive failed attempts; reset once a connection has stayed live for a while. */
  attempt: number;
  liveSince?: number | undefined;
}

export type ConnInput =
  | { type: 'unconfigured'; reason: Reason }
  | { type: 'signed-out'; reason?: Reason }
  | { type: 'connect' }
  | { type: 'live'; at: number }
  | { type: 'lost'; reason: Reason; retryAt: number }
  | { type: 'auth-required'; reason: Reason }
  | { type: 'blocked'; reason: Reason }
  | { type: 'stable' };

export const initialConn: ConnState = { status: 'signed-out', attempt: 0 };

export function nextConn(s: ConnState, input: ConnInput): ConnState {
  switch (input.type) {
    case 'unconfigured':
      return { status: 'unconfigured', reason: input.reason, attempt: 0 };
    case 'signed-out':
      return { status: 'signed-out', reason: input.reason, attempt: 0 };
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
    case 'auth-required':
      return { status: 'needs-sign-in', reason: input.reason, attempt: 0 };
    case 'blocked':
      return { status: 'blocked', reason: input.reason, attempt: 0 };
    case 'stable':
      return s.status === 'live' && s.attempt !== 0 ? { ...s, attempt: 0 } : s;
  }
}

export function connView(s: ConnState): ConnectionView {
  return { status: s.status, reason: s.reason, retryAt: s.status === 'reconnecting' ? s.retryAt : undefined };
}
