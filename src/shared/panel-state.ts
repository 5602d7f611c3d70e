/** Applying the worker's snapshot and patches to a client's copy of the state. Pure. */
import type { ConversationView, PanelState } from './domain';
import type { ToClient } from './protocol';

export const initialPanelState: PanelState = { connection: { status: 'connecting' }, conversations: [] };

function byArrival(a: ConversationView, b: ConversationView): number {
  return a.startedAt - b.startedAt || a.id.localeCompare(b.id);
}

export function applyToClient(state: PanelState, m: ToClient): PanelState {
  switch (m.type) {
    case 'snapshot':
      // A key the worker left out (undefined does not cross the port) is gone, not kept from before.
      return { capabilities: undefined, calls: undefined, ...m.state };
    case 'diagnostics':
    case 'command':
    case 'crmTestResult':
    case 'setupCheckResult':
    case 'teamSnapshot':
    case 'teamPatch':
    case 'teamJoinResult':
    case 'logFailures':
    case 'teamQueueListResult':
      return state;
    case 'patch': {
      let conversations = state.conversations;
      if (m.upsert || m.remove) {
        const gone = new Set(m.remove ?? []);
        const byId = new Map(conversations.filter((c) => !gone.has(c.id)).map((c) => [c.id, c]));
        for (const c of m.upsert ?? []) byId.set(c.id, c);
        conversations = [...byId.values()].sort(byArrival);
      }
      return {
        connection: m.connection ?? state.connection,
        agent: m.agent === undefined ? state.agent : (m.agent ?? undefined),
        conversations,
        capabilities: m.capabilities === undefined ? state.capabilities : (m.capabilities ?? undefined),
        calls: m.calls === undefined ? state.calls : (m.calls ?? undefined),
      };
    }
  }
}
