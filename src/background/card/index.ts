/**
 * The conversation card's services, built together: the CRM lookup (crm/), the remembered picks and
 * the External Contacts association (contacts/), creating a contact (contacts/create.ts), notes and
 * the call log (call-log/), click-to-dial (calls/). Each decorates the same conversation views and
 * answers the panel's card commands (and the popup's list of call-log writes not written), so the
 * composition root (app.ts) holds one of these instead of five, and a new card feature is wired
 * here, not there.
 *
 * Invariants:
 *  - Decoration order is fixed: the CRM card first (the record), then the call log (needs the
 *    record), then the picks (mark a remembered record), then the "Create contact" form's state.
 *  - `reset()` (sign-out, another agent on this browser) drops everything cached for the agent;
 *    picks and queued log writes are kept (storage.local: they survive sign-out by design).
 */
import type { Storage } from 'webextension-polyfill';
import type { CapabilityId, CapabilityState } from '../../shared/capability-states';
import type { AgentView, CallsView, ConversationView } from '../../shared/domain';
import type { ToClient, ToWorker } from '../../shared/protocol';
import { createCallLog } from '../call-log';
import { createDialer, dialFromPanel } from '../calls';
import { createContactCreator, createContacts, OrgId } from '../contacts';
import { createCrmService, isCrmChange } from '../crm';
import type { MyQueues } from '../genesys/my-queues';
import type { Api } from '../genesys/rest';

/** The commands the card's services answer (the rest are the session's and the feed's). */
export const CARD_COMMANDS = [
  'crmRetry',
  'crmSearch',
  'crmPick',
  'crmTest',
  'logNotes',
  'logNow',
  'logRetry',
  'dial',
  'contactCreate',
  'getLogFailures',
  'logRetryWrite',
] as const satisfies readonly ToWorker['type'][];
export type CardCommand = Extract<ToWorker, { type: (typeof CARD_COMMANDS)[number] }>;

export function isCardCommand(c: ToWorker): c is CardCommand {
  return (CARD_COMMANDS as readonly string[]).includes(c.type);
}

export interface CardDeps {
  getApi(): Api | undefined;
  /** The worker's one reader of the agent's queues (the dialer's queues to call on behalf of). */
  myQueues: MyQueues;
  agent(): AgentView | undefined;
  capability(id: CapabilityId): CapabilityState;
  onChange(): void;
  log(event: string, detail?: Record<string, unknown>): void;
}

export class CardServices {
  /** The org of the session's token (tokens/me): picks are remembered per org. */
  readonly org = new OrgId();
  private readonly contacts;
  private readonly crm;
  private readonly callLog;
  private readonly dialer;
  private readonly creator;
  /** Storage read at worker start (the org, the queued writes). */
  readonly ready: Promise<void>;

  constructor(deps: CardDeps) {
    const { getApi, onChange, log } = deps;
    this.contacts = createContacts({
      getApi,
      agentId: () => deps.agent()?.id,
      org: () => this.org.current,
      ready: this.org.ready,
      capability: deps.capability,
      log,
    });
    this.crm = createCrmService({ getApi, picks: this.contacts, onChange, log });
    this.callLog = createCallLog({
      getApi,
      agent: deps.agent,
      capability: () => deps.capability('callLogging'),
      onChange,
      log,
    });
    this.dialer = createDialer({
      getApi,
      myQueues: deps.myQueues,
      allowed: () => deps.capability('clickToDial').status === 'on',
      onChange,
      log,
    });
    this.creator = createContactCreator({
      getApi,
      capability: () => deps.capability('createContact'),
      adopt: (id, contact) => this.crm.adopt(id, contact),
      onChange,
      log,
    });
    this.ready = Promise.all([this.org.ready, this.callLog.ready]).then(() => undefined);
  }

  /** Each conversation with its CRM card, call log, remembered pick and "Create contact" form state. */
  present(views: ConversationView[]): ConversationView[] {
    return this.creator.present(this.contacts.present(this.callLog.present(this.crm.present(views))));
  }

  /** Click-to-dial's state for the panel. */
  calls(): CallsView | undefined {
    return this.dialer.view();
  }

  /** Something changed: the agent's queues (to call on behalf of) are read once dialing is allowed. */
  refresh(): void {
    this.dialer.ensureQueues();
  }

  /** Pending work an eviction interrupted (queued log writes): on start and on every watchdog alarm. */
  resume(held: readonly string[]): void {
    void this.callLog.resume(held);
  }

  /** Sign-out or another agent: nothing cached for the previous agent may show. */
  reset(): void {
    this.crm.reset();
    this.dialer.reset();
    this.creator.reset();
  }

  /** True when the change touches the CRM settings (the capabilities depend on the connector too). */
  storageChanged(changes: Record<string, Storage.StorageChange>, area: string): boolean {
    if (area === 'local') this.contacts.storageChanged(changes);
    if ((area !== 'sync' && area !== 'managed') || !isCrmChange(changes)) return false;
    void this.crm.reload();
    void this.callLog.reload();
    return true;
  }

  async command(c: CardCommand, reply: (m: ToClient) => void): Promise<void> {
    switch (c.type) {
      case 'crmRetry':
      case 'crmSearch':
      case 'crmPick':
      case 'crmTest': {
        const answer = await this.crm.command(c);
        if (answer) reply(answer);
        return;
      }
      case 'logNotes':
      case 'logNow':
      case 'logRetry':
        return this.callLog.command(c);
      case 'getLogFailures':
        reply({ type: 'logFailures', items: this.callLog.failures() });
        return;
      case 'logRetryWrite':
        await this.callLog.retryWrite(c.key);
        reply({ type: 'logFailures', items: this.callLog.failures() });
        return;
      case 'dial':
        return dialFromPanel(this.dialer, c);
      case 'contactCreate': {
        const { type: _, conversationId, ...form } = c;
        return this.creator.create(conversationId, form);
      }
    }
  }
}
