/**
 * The gate: may the worker talk to Genesys at all? Pure transitions; the session controller
 * (session/controller.ts) is its only writer. While the gate is open the agent sees the link's
 * status (connection/machine.ts); while it is closed, the gate's own (status-view.ts).
 *
 *   unconfigured ─settings→ signed-out ─Sign in→ signing-in ─token→ open
 *                               ↑  ↑                │  │ refused         │ expired, revoked,
 *                               │  └──cancelled─────┘  ↓                 │ 401 not renewable
 *                               │               sign-in-failed           ↓
 *                               │                               needs-sign-in ─Sign in→ signing-in
 *                               └────────── Sign out, or settings changed (from any) ──┘
 */
import type { ConnectionStatus } from '../../shared/domain';
import type { Reason } from '../../shared/reasons';

export type GateStatus =
  | 'unconfigured'
  | 'signed-out'
  | 'signing-in'
  | 'sign-in-failed'
  | 'needs-sign-in'
  | 'open';

export interface Gate {
  status: GateStatus;
  /** A sentence for the agent (opaque here: passed through to the panel as it is). */
  reason?: Reason | undefined;
}

export type GateInput =
  | { type: 'unconfigured'; reason: Reason }
  | { type: 'signed-out'; reason?: Reason | undefined }
  | { type: 'signing-in' }
  /** Sign-in failed in a way signing in again will not fix (a login page that cannot be shown…). */
  | { type: 'refused'; reason: Reason }
  | { type: 'auth-required'; reason: Reason }
  | { type: 'open' };

export const initialGate: Gate = { status: 'signed-out' };

export function nextGate(g: Gate, input: GateInput): Gate {
  switch (input.type) {
    case 'unconfigured':
      return { status: 'unconfigured', reason: input.reason };
    case 'signed-out':
      return { status: 'signed-out', reason: input.reason };
    case 'signing-in':
      // The reason that asked for it (e.g. "session expired") stays until the answer comes.
      return g.status === 'signing-in' ? g : { status: 'signing-in', reason: g.reason };
    case 'refused':
      return { status: 'sign-in-failed', reason: input.reason };
    case 'auth-required':
      return { status: 'needs-sign-in', reason: input.reason };
    case 'open':
      return g.status === 'open' ? g : { status: 'open' };
  }
}

/** What the agent sees while the gate is closed (open: the link's status shows). */
export const GATE_SHOWS: Readonly<Record<Exclude<GateStatus, 'open'>, ConnectionStatus>> = {
  unconfigured: 'unconfigured',
  'signed-out': 'signed-out',
  'signing-in': 'connecting',
  'sign-in-failed': 'blocked',
  'needs-sign-in': 'needs-sign-in',
};
