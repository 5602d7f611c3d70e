/**
 * The right contact, once: the CRM service asks this one to recall the agent's earlier pick among
 * several matches for an address (and to remember or forget one), and, with External Contacts,
 * each conversation's settled contact (one match, or the pick) is associated with the
 * conversation in Genesys (`PUT /api/v2/externalcontacts/conversations/{id}`), so a colleague who
 * receives a transfer sees the same contact. Chrome-free (index.ts gives it storage and WebCrypto).
 *
 * Invariants:
 *  - Each capability's state is the tracker's (`rememberContact`, `associateContact`); nothing here
 *    acts unless it is `on`.
 *  - At most one association per conversation and contact: once asked (even while it is in
 *    flight; the keys survive an eviction, whose restored views may predate the association), and
 *    then the customer's `externalContactId` in the events equals the contact anyway.
 *    One that fails for a passing reason (429, 5xx, the network, my leg not yet in REST) is tried
 *    again ASSOCIATE_RETRY_MS later, doubling, ASSOCIATE_TRIES in all; a refusal (4xx) is logged and
 *    not retried (the card is right either way; only a colleague's is not).
 *  - Every call goes through the worker's one REST client (its limiter), at `other` priority.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { CapabilityId, CapabilityState } from '../../shared/capabilities';
import type { ConversationView, CrmRecord, MediaType } from '../../shared/domain';
import { myLeg } from '../conversations/my-leg';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { PICK_KEY_KEY, type PickStore } from './pick-store';

/** `ConversationAssociation.mediaType` of each media the panel shows. */
const ASSOCIATION_MEDIA: Partial<Record<MediaType, string>> = {
  call: 'CALL',
  callback: 'CALLBACK',
  chat: 'CHAT',
  message: 'MESSAGE',
  email: 'EMAIL',
  video: 'VIDEO',
};

export interface ContactsDeps {
  picks: PickStore;
  getApi(): Api | undefined;
  agentId(): string | undefined;
  /** The Genesys org (tokens/me), else the region: picks are per org. */
  org(): string | undefined;
  capability(id: CapabilityId): CapabilityState;
  /** Settles when `org()` is known after a worker start (picks are per org: a recall waits for it). */
  ready?: Promise<unknown>;
  /** The associations asked for, kept across a worker eviction (storage.session in the worker). */
  asked?: { load(): Promise<string[]>; save(keys: string[]): void };
  log?(event: string, detail?: Record<string, unknown>): void;
  /** Waits before a retry (tests: at once). */
  sleep?(ms: number): Promise<void>;
}

/** Associations remembered (conversation:contact keys): the newest this many. */
const MAX_ASKED = 500;
/** A passing failure is tried again after 5 s, then 10 s: 3 tries in 15 s, well inside a call. */
export const ASSOCIATE_RETRY_MS = 5_000;
export const ASSOCIATE_TRIES = 3;

/** Not yet: my leg has no communication id in REST yet (REST lags the events). */
class NotYet extends Error {}
const passing = (e: unknown) => !(e instanceof GenesysError) || e.status === 429 || e.status >= 500;

/** What the CRM service asks (crm/service.ts); `crm` names the CRM (connector and origin). */
export interface PickHooks {
  recall(crm: string, address: string, records: readonly CrmRecord[]): Promise<number | undefined>;
  remember(crm: string, address: string, recordId: string): void;
  forget(crm: string, address: string): void;
}

export class ContactsService implements PickHooks {
  private asked = new Set<string>();
  /** False until the asked keys of before an eviction are back: no association is made before. */
  private loaded: boolean;

  constructor(private readonly deps: ContactsDeps) {
    this.loaded = !deps.asked;
    void deps.asked
      ?.load()
      .then((keys) => {
        this.asked = new Set([...keys, ...this.asked]);
      })
      .finally(() => {
        this.loaded = true;
      });
  }

  private scope(crm: string) {
    const org = this.deps.org();
    return this.deps.capability('rememberContact').status === 'on' && org ? { org, crm } : undefined;
  }

  async recall(crm: string, address: string, records: readonly CrmRecord[]): Promise<number | undefined> {
    await this.deps.ready;
    const scope = this.scope(crm);
    if (!scope) return undefined;
    const id = await this.deps.picks.get(scope, address);
    const at = id === undefined ? -1 : records.findIndex((r) => r.id === id);
    return at >= 0 ? at : undefined;
  }

  remember(crm: string, address: string, recordId: string): void {
    const scope = this.scope(crm);
    if (scope)
      void this.deps.picks.remember(scope, address, recordId).catch((e) => this.failed('pick-save', e));
  }

  forget(crm: string, address: string): void {
    const scope = this.scope(crm);
    if (scope) void this.deps.picks.forget(scope, address).catch((e) => this.failed('pick-save', e));
  }

  /** A `storage.local` change: the options page's "Clear remembered contacts" removed the key. */
  storageChanged(changes: Record<string, { newValue?: unknown }>): void {
    const c = changes[PICK_KEY_KEY];
    if (c && c.newValue === undefined) this.deps.picks.keyRemoved();
  }

  /** Associates each conversation's settled External Contact, once (External Contacts only: the capability says); returns the views. */
  present<V extends readonly ConversationView[]>(views: V): V {
    if (!this.loaded || this.deps.capability('associateContact').status !== 'on') return views;
    for (const v of views) {
      const crm = v.crm;
      const contact =
        crm?.status === 'found' && crm.selected !== undefined ? crm.records[crm.selected]?.id : undefined;
      if (!contact || contact === v.externalContactId || v.state === 'alerting') continue;
      const key = `${v.id}:${contact}`;
      if (this.asked.has(key)) continue;
      this.asked.add(key);
      this.deps.asked?.save([...this.asked].slice(-MAX_ASKED));
      void this.associate(v, contact);
    }
    return views;
  }

  private async associate(v: ConversationView, contactId: string, attempt = 0): Promise<void> {
    const api = this.deps.getApi();
    const me = this.deps.agentId();
    const mediaType = ASSOCIATION_MEDIA[v.media];
    if (!api || !me || !mediaType) return;
    try {
      const path = `/api/v2/conversations/${encodeURIComponent(v.id)}`;
      const conv = await api.request<Models.Conversation>('GET', path, undefined, { priority: 'other' });
      const communicationId = myLeg(conv, me)?.communicationId;
      if (!communicationId) throw new NotYet('my leg has no communication id yet');
      const body = {
        externalContactId: contactId,
        conversationId: v.id,
        communicationId,
        mediaType: mediaType as Models.ConversationAssociation['mediaType'],
      } satisfies Models.ConversationAssociation;
      await api.request('PUT', `/api/v2/externalcontacts/conversations/${encodeURIComponent(v.id)}`, body, {
        priority: 'other',
      });
      this.deps.log?.('contact-associated', { media: v.media });
    } catch (e) {
      this.failed('contact-associate', e);
      if (!passing(e) || attempt + 1 >= ASSOCIATE_TRIES) return;
      const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
      await sleep(ASSOCIATE_RETRY_MS * 2 ** attempt);
      return this.associate(v, contactId, attempt + 1);
    }
  }

  private failed(what: string, e: unknown): void {
    this.deps.log?.(`${what}-failed`, { reason: e instanceof Error ? e.message : String(e) });
  }
}
