/**
 * What the panel and popup are sent: the connection status (derived from the gate and the link,
 * status-view.ts), the signed-in agent and the active conversations with their CRM cards.
 * Rebuilt at most once per relay flush, not once per event of a storm; an unchanged connection
 * keeps its identity so the relay's diff skips it.
 */
import type { CapabilityStates } from '../shared/capabilities';
import type { AgentView, CallsView, ConversationView, PanelState } from '../shared/domain';
import type { LinkState } from './connection/machine';
import type { Gate } from './session/gate';
import { connectionView, sameView } from './status-view';

export interface PanelSources {
  gate(): Gate;
  link(): LinkState;
  /** Shown only while there is a token. */
  agent(): AgentView | undefined;
  views(): ConversationView[];
  /** Adds each conversation's CRM card (crm/service.ts). */
  present(views: ConversationView[]): ConversationView[];
  /** What the agent may do beyond reading (shared/capabilities.ts); shown only while there is a token. */
  capabilities(): CapabilityStates | undefined;
  /** Click-to-dial's state (calls/dialer.ts); shown only while there is a token. */
  calls(): CallsView | undefined;
}

export class PanelView {
  private state: PanelState | undefined;
  private dirty = true;

  constructor(private readonly src: PanelSources) {}

  /** Something the panel shows changed: rebuild on the next read. */
  invalidate(): void {
    this.dirty = true;
  }

  current(): PanelState {
    if (!this.dirty && this.state) return this.state;
    this.dirty = false;
    const connection = connectionView(this.src.gate(), this.src.link());
    const prev = this.state?.connection;
    this.state = {
      connection: prev && sameView(prev, connection) ? prev : connection,
      agent: this.src.agent(),
      conversations: this.src.present(this.src.views()),
      capabilities: this.src.capabilities(),
      calls: this.src.calls(),
    };
    return this.state;
  }
}
