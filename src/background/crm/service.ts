/**
 * The CRM side of the worker: watches the conversation views, looks each customer up once (as
 * soon as the conversation alerts), keeps the result per conversation and in a bounded LRU, and
 * adds it to the views sent to clients. Handles the card's commands (retry, search, pick) and
 * hands the options page's test lookup to test-lookup.ts. Chrome-free (see index.ts for the
 * browser wiring), so it runs in Node against the simulator.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { EffectiveCrmSettings } from '../../shared/crm/policy';
import type { ConversationView, CrmView } from '../../shared/domain';
import type { ToClient, ToWorker } from '../../shared/protocol';
import { reason } from '../../shared/reasons';
import type { Api } from '../genesys/rest';
import { type CardHeader, cardHeader, resultView } from './card-view';
import { asCrmError, type CrmConnector, type LookupKey, type LookupResult, lookupKeyOf } from './connector';
import type { Entry } from './entry';
import { createdContactResult } from './external-contacts';
import { Inflight } from './inflight';
import { Lru } from './lru';
import { type ConnectorDeps, makeConnector } from './make-connector';
import { rememberPick } from './remembered-picks';
import { testLookup } from './test-lookup';
import { ViewDecorator } from './view-decorator';

export const CRM_TIMEOUT_MS = 5_000;
/** Results (matches and "no match") are reused for this long; errors never are. */
export const CRM_CACHE_TTL_MS = 10 * 60_000;
export const CRM_CACHE_ENTRIES = 200;
type Answer = LookupResult;

export interface CrmServiceDeps extends Omit<ConnectorDeps, 'timeoutMs'> {
  loadSettings(): Promise<EffectiveCrmSettings>;
  /** A lookup finished (or settings changed): rebuild and publish the panel state. */
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
  timeoutMs?: number;
  now?: () => number;
}

export class CrmService {
  private effective: EffectiveCrmSettings | undefined;
  private connector: CrmConnector | undefined;
  /** Bumped when settings change: every view is decorated again. */
  private version = 0;
  private entries = new Map<string, Entry>();
  private readonly decorated = new ViewDecorator();
  private readonly inflight = new Inflight<LookupResult>();
  private readonly cache: Lru<LookupResult>;
  private lastApi: Api | undefined;
  private lastViews: ConversationView[] = [];
  /** Lookup numbers (unique across entries) and the session reset() bumps: late answers never match. */
  private lastSeq = 0;
  private session = 0;
  readonly ready: Promise<void>;

  private readonly connectorDeps: ConnectorDeps;

  constructor(private readonly deps: CrmServiceDeps) {
    this.cache = new Lru(CRM_CACHE_ENTRIES, CRM_CACHE_TTL_MS, deps.now);
    this.connectorDeps = {
      getApi: () => deps.getApi(),
      fetch: deps.fetch,
      hasPermission: (p) => deps.hasPermission(p),
      timeoutMs: deps.timeoutMs ?? CRM_TIMEOUT_MS,
      picks: deps.picks,
    };
    this.ready = this.reload();
  }

  /** (Re)reads the settings; every conversation is looked up again with the new ones. */
  async reload(): Promise<void> {
    try {
      this.effective = await this.deps.loadSettings();
    } catch (e) {
      this.deps.log?.('crm-settings-failed', { reason: e instanceof Error ? e.message : String(e) });
      return;
    }
    this.connector = makeConnector(this.effective.settings, this.connectorDeps);
    this.version++;
    this.entries.clear();
    this.inflight.clear();
    this.cache.clear();
    this.deps.onChange();
  }

  // ── views in, decorated views out ──────────────────────────────────────────────────────────

  /**
   * Called with the worker's views every time the panel state is rebuilt: starts the lookups
   * that are due (synchronously marks them loading; never calls onChange from here) and returns
   * the views with their CRM card and participant data. Unchanged views keep their identity, so
   * the relay's diff sends only what changed.
   */
  present(views: ConversationView[]): ConversationView[] {
    this.lastViews = views;
    this.syncSession();
    const ids = new Set(views.map((v) => v.id));
    for (const id of [...this.entries.keys()]) if (!ids.has(id)) this.entries.delete(id);
    this.decorated.keepOnly(ids);
    for (const v of views) this.ensureLookup(v);
    const rules = this.effective?.settings.crmAttributes ?? [];
    return views.map((v) => this.decorated.decorate(v, this.entries.get(v.id)?.view, this.version, rules));
  }

  /** A new (or no) agent session: cached customer data of the previous one is dropped. */
  private syncSession(): void {
    const api = this.deps.getApi();
    if (api === this.lastApi) return;
    if (!api) this.reset();
    this.lastApi = api;
  }

  /** Signed out, or another agent: forget every card, result and lookup (a late answer is dropped). */
  reset(): void {
    this.session++;
    this.cache.clear();
    this.inflight.clear();
    this.entries.clear();
  }

  private ensureLookup(v: ConversationView): void {
    const eff = this.effective;
    const connector = this.connector;
    if (!eff || !connector) return;
    const lookup = lookupKeyOf(v, eff.settings.crmDefaultCountry);
    const key = connector.keyOf(lookup);
    const cur = this.entries.get(v.id);
    if (cur) {
      if (cur.waiting && this.deps.getApi()) this.startLookup(v.id, cur.lookup, cur.key);
      // Same key: nothing new to ask. The agent's own search or pick is never overridden.
      if (cur.key === key || cur.view.source === 'search') return;
    }
    this.startLookup(v.id, lookup, key);
  }

  private base(lookup: LookupKey): CardHeader {
    return cardHeader(this.effective?.settings, this.connector?.canSearch ?? false, lookup);
  }

  private startLookup(id: string, lookup: LookupKey, key: string | undefined): void {
    const eff = this.effective;
    const connector = this.connector;
    if (!eff || !connector) return;
    const seq = ++this.lastSeq;
    const base = this.base(lookup);
    const set = (view: Omit<CrmView, keyof typeof base>, extra: Partial<Entry> = {}) =>
      this.entries.set(id, { key, lookup, seq, view: { ...base, ...view }, ...extra });

    if (eff.problem) {
      set({
        status: 'error',
        source: 'lookup',
        records: [],
        error: reason('crm-settings-problem', { problem: eff.problem }),
      });
      return;
    }
    if (key === undefined) {
      set({ status: 'none', source: 'lookup', records: [] });
      return;
    }
    const cached = this.cache.get(key);
    if (cached) {
      set(resultView(cached, 'lookup'));
      return;
    }
    set({ status: 'loading', source: 'lookup', records: [] });
    this.ask(id, seq, key, 'lookup', () => connector.lookup(lookup));
  }

  /** Asks the CRM once per key (cards of the same customer share it) and settles the card it was for. */
  private ask(id: string, seq: number, key: string, src: CrmView['source'], run: () => Promise<Answer>) {
    const session = this.session;
    this.inflight.run(key, run).then(
      (r) => {
        if (session === this.session) this.cache.set(key, r); // not an ended session's
        this.finish(id, seq, resultView(r, src));
      },
      (e: unknown) => this.fail(id, seq, e),
    );
  }

  private finish(id: string, seq: number, view: Partial<CrmView>): void {
    const cur = this.entries.get(id);
    if (!cur || cur.seq !== seq) return; // gone, or a newer lookup/search started
    this.entries.set(id, { ...cur, waiting: false, view: { ...cur.view, ...view } });
    this.deps.onChange();
  }

  private fail(id: string, seq: number, e: unknown): void {
    const err = asCrmError(e);
    this.deps.log?.('crm-lookup-failed', {
      kind: err.kind,
      connector: this.effective?.settings.crmConnector,
    });
    const cur = this.entries.get(id);
    if (!cur || cur.seq !== seq) return;
    if (err.kind === 'signed-out') {
      // Restored conversations can be shown before the session is back: look up once it is.
      this.entries.set(id, { ...cur, waiting: true });
      return;
    }
    this.finish(id, seq, { status: 'error', records: [], selected: undefined, error: err.reason });
  }

  /** A contact created from the card (contacts/create.ts): its one record, remembered for the address and cached. */
  adopt(id: string, contact: Models.ExternalContact): void {
    const cur = this.entries.get(id);
    const s = this.effective?.settings;
    if (!cur || s?.crmConnector !== 'externalContacts') return;
    const r = createdContactResult(contact, s);
    rememberPick(this.deps.picks, s, cur.lookup, r.records[0]?.id);
    if (cur.key) this.cache.set(cur.key, r);
    const view = { ...this.base(cur.lookup), ...resultView(r, 'lookup') };
    this.entries.set(id, { ...cur, seq: ++this.lastSeq, waiting: false, search: undefined, view });
    this.deps.onChange();
  }

  // ── commands ───────────────────────────────────────────────────────────────────────────────

  async command(c: ToWorker): Promise<ToClient | undefined> {
    await this.ready;
    switch (c.type) {
      case 'crmRetry': {
        const cur = this.entries.get(c.conversationId);
        if (!cur) return undefined;
        if (cur.search !== undefined) {
          this.cache.delete(`search:${cur.search}`);
          this.search(c.conversationId, cur.search);
        } else {
          if (cur.key) this.cache.delete(cur.key);
          this.startLookup(c.conversationId, cur.lookup, cur.key);
        }
        this.deps.onChange();
        return undefined;
      }
      case 'crmSearch':
        this.search(c.conversationId, c.query);
        this.deps.onChange();
        return undefined;
      case 'crmPick': {
        const cur = this.entries.get(c.conversationId);
        if (cur?.view.status !== 'found') return undefined;
        const selected = c.index >= 0 && c.index < cur.view.records.length ? c.index : undefined;
        if (cur.view.source === 'lookup' && cur.view.records.length > 1) {
          // Remembered for this address (or forgotten: "Not this contact"); the cached answer had the old pick.
          const picked = cur.view.records[selected ?? -1]?.id;
          rememberPick(this.deps.picks, this.effective?.settings, cur.lookup, picked);
          if (cur.key) this.cache.delete(cur.key);
        }
        this.entries.set(c.conversationId, {
          ...cur,
          view: { ...cur.view, selected, remembered: undefined },
        });
        this.deps.onChange();
        return undefined;
      }
      case 'crmTest':
        return { type: 'crmTestResult', ...(await testLookup(c.settings, c.sample, this.connectorDeps)) };
      default:
        return undefined;
    }
  }

  private search(id: string, query: string): void {
    const cur = this.entries.get(id);
    const connector = this.connector;
    if (!cur || !connector) return;
    const seq = ++this.lastSeq;
    const base = { ...this.base(cur.lookup), query };
    if (!connector.canSearch) {
      const error = reason('crm-search-off');
      const view: CrmView = { ...base, status: 'error', source: 'search', records: [], error };
      this.entries.set(id, { ...cur, seq, search: query, view });
      return;
    }
    const key = `search:${query}`;
    const cached = this.cache.get(key);
    this.entries.set(id, {
      ...cur,
      seq,
      search: query,
      view: cached
        ? { ...base, ...resultView(cached, 'search') }
        : { ...base, status: 'loading', source: 'search', records: [] },
    });
    if (!cached) this.ask(id, seq, key, 'search', () => connector.search(query));
  }

  /** For tests and diagnostics. */
  get stats(): { entries: number; cached: number; inflight: number; views: number } {
    return {
      entries: this.entries.size,
      cached: this.cache.size,
      inflight: this.inflight.size,
      views: this.lastViews.length,
    };
  }
}
