/**
 * The one connection status the agent sees, derived from its two writers: the session's gate and
 * the connection's link. The gate wins while it is not open; then the link shows. Nothing else
 * computes a ConnectionView.
 */
import type { ConnectionView } from '../shared/domain';
import { sameReason } from '../shared/reasons';
import type { LinkState } from './connection/machine';
import { GATE_SHOWS, type Gate } from './session/gate';

export function connectionView(gate: Gate, link: LinkState): ConnectionView {
  if (gate.status !== 'open')
    return { status: GATE_SHOWS[gate.status], reason: gate.reason, retryAt: undefined };
  return {
    status: link.status,
    reason: link.reason,
    retryAt: link.status === 'reconnecting' ? link.retryAt : undefined,
  };
}

export function sameView(a: ConnectionView, b: ConnectionView): boolean {
  return a.status === b.status && sameReason(a.reason, b.reason) && a.retryAt === b.retryAt;
}
