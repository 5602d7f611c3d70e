/**
 * The worker's composition root: settings → auth → connection → conversations → relay.
 * Everything it holds in memory can be rebuilt from storage, so eviction loses nothing.
 */
import type { Models } from 'purecloud-platform-client-v2';
import browser, { type Runtime, type Storage } from 'webextension-polyfill';
import type { AgentView, PanelState } from '../shared/domain';
import { type ClientKind, PANEL_COMMANDS, type ToClient, type ToWorker } from '../shared/protocol';
import { type Reason, reason, sameReason } from '../shared/reasons';
import { isComplete, type Settings } from '../shared/settings';
import { clearAuth, loadAuth, renewalDue, type StoredAuth, saveAuth } from './auth/session';
import { SignInCancelled, signIn } from './auth/sign-in';
import { Connection, type SocketLike } from './connection/connection';
import { type ConnState, connView, initialConn, nextConn } from './connection/machine';
import { clearPersisted, loadPersisted, type PersistedState, savePersisted } from './conversations/persist';
import { activeViews, type ConversationsAction, reduceConversations } from './conversations/reducer';
import { SettleTracker } from './conversations/settle';
import { createCrmService, isCrmChange } from './crm';
import { buildReport, DiagnosticsLog } from './diagnostics';
import { diagnose } from './genesys/diagnose';
import type { Frame } from './genesys/frames';
import { type Api, createApi } from './genesys/rest';
import { Relay } from './relay/relay';
import { allowSender } from './relay/sender-check';
import { type EffectiveSettings, loadSettings } from './settings-source';

export const WATCHDOG_ALARM = 'cuecard.watchdog';

/**
 * Conversations are written to storage.session at most this often. Each write serializes the whole
 * store (in the worker and again in the browser process): every 50 ms that was a third of the
 * worker's time in a storm. A restart resyncs with REST anyway; the copy only fills the panel
 * until then.
 */
const SAVE_CONVERSATIONS_MS = 500;

const diagnostics = new DiagnosticsLog();

/** Event names and the worker's own sentences only: never tokens, URLs with codes or customer data. */
function log(event: string, detail?: Record<string, unknown>): void {
  diagnostics.record(event, detail);
  console.info(`[cuecard] ${event}`, detail ?? '');
}

export class Worker {
  private settings: EffectiveSettings = { settings: {}, locked: [], policyErrors: {} };
  private auth: StoredAuth | undefined;
  private persisted: PersistedState | undefined;
  private conn: ConnState = initialConn;
  private connection: Connection | undefined;
  private api: Api | undefined;
  private panelState: PanelState = { connection: connView(initialConn), conversations: [] };
  private panelDirty = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly settle = new SettleTracker();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingQueueLookups = new Set<string>();
  private signingIn: Promise<void> | undefined;
  /** CRM lookups: watches the views, adds each conversation's card (src/background/crm). */
  private readonly crm = createCrmService({
    getApi: () => this.api,
    onChange: () => this.refreshPanel(),
    log,
  });
  readonly ready: Promise<void>;
  readonly relay: Relay;

  constructor() {
    let resolveReady: () => void = () => undefined;
    this.ready = new Promise((r) => {
      resolveReady = r;
    });
    this.relay = new Relay({
      getState: () => this.currentPanel(),
      allowSender: (kind, sender) => allowSender(kind, sender),
      onCommand: (c, kind, reply) => void this.command(c, kind, reply),
      ready: this.ready,
    });
    void this.init().finally(resolveReady);
  }

  private async init(): Promise<void> {
    const [settings, auth, persisted] = await Promise.all([loadSettings(), loadAuth(), loadPersisted()]);
    this.settings = settings;
    this.auth = auth;
    this.persisted = persisted;
    this.refreshPanel();
    await this.ensureAlarm();
    await this.startOrExplain();
  }

  // ── lifecycle hooks (called from index.ts listeners) ─────────────────────────────────────────

  async onAlarm(name: string): Promise<void> {
    if (name !== WATCHDOG_ALARM) return;
    await this.ready;
    await this.renewIfExpiring();
    this.connection?.ensure();
  }

  async onStorageChanged(changes: Record<string, Storage.StorageChange>, area: string): Promise<void> {
    if (area !== 'sync' && area !== 'managed') return;
    if (isCrmChange(changes)) void this.crm.reload();
    await this.ready;
    const before = this.settings.settings;
    this.settings = await loadSettings();
    const after = this.settings.settings;
    if (before.region === after.region && before.clientId === after.clientId) return;
    log('settings-changed', { fields: Object.keys(changes) });
    // A token belongs to one region and client: a change means signing in again.
    if (this.auth && (this.auth.region !== after.region || this.auth.clientId !== after.clientId)) {
      await this.signOut(reason('settings-changed'));
      return;
    }
    await this.startOrExplain();
  }

  onConnect(port: Runtime.Port): void {
    this.relay.attach(port);
    void this.ready.then(() => this.connection?.ensure());
  }

  /** A `chrome.commands` shortcut: the panel in the tab it was pressed in acts on it. */
  async onCommand(command: string, tabId: number | undefined): Promise<void> {
    const name = PANEL_COMMANDS.find((c) => c === command);
    if (!name) return;
    await this.ready;
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) this.relay.sendToTab(id, { type: 'command', name });
  }

  // ── commands ─────────────────────────────────────────────────────────────────────────────────

  private async command(c: ToWorker, kind: ClientKind, reply: (m: ToClient) => void): Promise<void> {
    await this.ready;
    log('command', { type: c.type, from: kind });
    switch (c.type) {
      case 'signIn':
        await this.signIn(true);
        return;
      case 'signOut':
        await this.signOut();
        return;
      case 'reconnect':
        if (this.connection) this.connection.retry();
        else await this.startOrExplain();
        return;
      case 'getDiagnostics':
        reply({ type: 'diagnostics', text: this.report() });
        return;
      case 'crmRetry':
      case 'crmSearch':
      case 'crmPick':
      case 'crmTest': {
        const answer = await this.crm.command(c);
        if (answer) reply(answer);
        return;
      }
    }
  }

  private async signIn(interactive: boolean): Promise<void> {
    if (this.signingIn) return this.signingIn;
    const s = this.settings.settings;
    if (!isComplete(s)) return this.startOrExplain();
    this.signingIn = (async () => {
      if (interactive) this.setConn({ type: 'connect' });
      try {
        const token = await signIn(s, interactive);
        this.auth = { ...token, region: s.region, clientId: s.clientId };
        await saveAuth(this.auth);
        log('signed-in', {
          region: s.region,
          expiresInSec: Math.round((token.expiresAt - Date.now()) / 1000),
        });
        await this.startOrExplain();
      } catch (e) {
        if (!interactive) throw e;
        if (e instanceof SignInCancelled) this.setConn({ type: 'signed-out', reason: e.reason });
        else this.setConn({ type: 'blocked', reason: diagnose(e, s.region).reason });
      }
    })().finally(() => {
      this.signingIn = undefined;
    });
    return this.signingIn;
  }

  /** Silent renewal: a non-interactive authorize while the Genesys login session is alive. */
  private async renewToken(): Promise<boolean> {
    const s = this.settings.settings;
    if (!isComplete(s)) return false;
    try {
      await this.signIn(false);
      return this.auth !== undefined && this.auth.expiresAt > Date.now();
    } catch (e) {
      log('silent-renewal-failed', { reason: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  private async renewIfExpiring(): Promise<void> {
    if (!this.auth || !renewalDue(this.auth, Date.now())) return;
    const before = this.auth.accessToken;
    if (!(await this.renewToken()) || this.auth?.accessToken === before) {
      if (this.auth && this.auth.expiresAt <= Date.now()) {
        this.connection?.stop();
        this.setConn({ type: 'auth-required', reason: reason('session-expired') });
      }
    }
  }

  private async signOut(why?: Reason): Promise<void> {
    const api = this.api;
    const channel = this.persisted?.channel;
    this.stopConnection();
    if (api) {
      // Best effort: free the channel's subscriptions and revoke the token server-side.
      if (channel)
        await api
          .request('DELETE', `/api/v2/notifications/channels/${channel.id}/subscriptions`)
          .catch(() => undefined);
      await api.request('DELETE', '/api/v2/tokens/me').catch(() => undefined);
    }
    this.auth = undefined;
    await clearAuth();
    await clearPersisted();
    this.persisted = await loadPersisted();
    this.setConn({ type: 'signed-out', reason: why });
    this.refreshPanel();
    log('signed-out');
  }

  private report(): string {
    return buildReport(diagnostics, {
      version: browser.runtime.getManifest().version,
      userAgent: navigator.userAgent,
      region: this.settings.settings.region,
      clientId: this.settings.settings.clientId,
      tokenExpiresAt: this.auth?.expiresAt,
      state: this.currentPanel(),
      now: Date.now(),
      secrets: this.auth ? [this.auth.accessToken] : [],
    });
  }

  // ── connection ───────────────────────────────────────────────────────────────────────────────

  private stopConnection(): void {
    this.connection?.stop();
    this.connection = undefined;
    this.api = undefined;
  }

  private async startOrExplain(): Promise<void> {
    const { settings, policyErrors } = this.settings;
    if (!isComplete(settings)) {
      this.stopConnection();
      const policy = Object.values(policyErrors).join(' ');
      this.setConn({
        type: 'unconfigured',
        reason: policy ? reason('unconfigured-policy', { policy }) : reason('unconfigured'),
      });
      return;
    }
    if (!this.auth) {
      this.stopConnection();
      this.setConn({ type: 'signed-out' });
      return;
    }
    if (this.auth.expiresAt <= Date.now() && !(await this.renewToken())) {
      this.stopConnection();
      this.setConn({ type: 'auth-required', reason: reason('session-expired') });
      return;
    }
    if (this.connection) {
      this.connection.retry();
      return;
    }
    this.startConnection(settings);
  }

  private startConnection(settings: Settings): void {
    const api = createApi({
      baseUrl: `https://api.${settings.region}`,
      getToken: async () => this.auth?.accessToken,
    });
    this.api = api;
    this.connection = new Connection({
      api,
      region: settings.region,
      identify: () => this.identify(api, settings),
      // The DOM WebSocket is structurally a SocketLike; its handler types are just narrower.
      openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      loadChannel: async () => this.persisted?.channel,
      saveChannel: async (channel) => {
        if (this.persisted) this.persisted.channel = channel;
        await savePersisted({ channel });
      },
      resync: () => this.resync(api),
      onFrame: (f) => this.onFrame(f),
      onState: (s) => {
        this.conn = s;
        this.refreshPanel();
      },
      renewToken: () => this.renewToken(),
      now: Date.now,
      random: Math.random,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      log,
    });
    this.connection.start();
  }

  /** `GET /users/me`: who is signed in, with presence and routing status fresh after any gap. */
  private async identify(api: Api, settings: Settings): Promise<string> {
    const me = await api.request<Models.UserMe>('GET', '/api/v2/users/me?expand=presence,routingStatus');
    const userId = (me.id ?? '').toLowerCase();
    if (!userId) throw new Error('users/me answered without an id');
    if (this.persisted?.agent && this.persisted.agent.id !== userId) {
      // Another agent signed in on this browser: nothing of the previous one may show.
      this.dispatch({ type: 'clear' });
      this.persisted.channel = undefined;
      await savePersisted({ channel: undefined });
    }
    this.setAgent({
      id: userId,
      name: me.name ?? me.email ?? 'Agent',
      region: settings.region,
      presence: me.presence?.presenceDefinition?.systemPresence,
      routingStatus: me.routingStatus?.status,
    });
    return userId;
  }

  /** Reconcile once a burst of events has settled (see conversations/settle.ts). */
  private scheduleSettle(delayMs: number): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      const api = this.api;
      if (!api || this.conn.status !== 'live') return; // the reconnect's own resync covers it
      this.resync(api).catch((e: unknown) => log('settle-failed', { reason: String(e) }));
    }, delayMs);
  }

  private async resync(api: Api): Promise<void> {
    const userId = this.persisted?.agent?.id;
    if (!userId) return;
    this.settle.settled();
    const requestedAt = Date.now();
    const list = await api.request<Models.ConversationEntityListing>('GET', '/api/v2/conversations');
    this.dispatch({
      type: 'reconcile',
      conversations: list.entities ?? [],
      me: userId,
      requestedAt,
      at: Date.now(),
    });
  }

  private onFrame(f: Frame): void {
    const userId = this.persisted?.agent?.id;
    if (!userId || ('userId' in f && f.userId !== userId)) return; // not ours: never shown
    switch (f.kind) {
      case 'conversation': {
        const now = Date.now();
        this.dispatch({ type: 'event', body: f.body, me: userId, at: now });
        const due = this.settle.arrived(f.body.id ?? '', now);
        if (due !== undefined) this.scheduleSettle(due - now);
        return;
      }
      case 'presence': {
        const agent = this.currentPanel().agent;
        if (agent) this.setAgent({ ...agent, presence: f.systemPresence });
        return;
      }
      case 'routing-status': {
        const agent = this.currentPanel().agent;
        if (agent) this.setAgent({ ...agent, routingStatus: f.status });
        return;
      }
      default:
        return;
    }
  }

  // ── state ────────────────────────────────────────────────────────────────────────────────────

  private setConn(input: Parameters<typeof nextConn>[1]): void {
    this.conn = nextConn(this.conn, input);
    this.refreshPanel();
  }

  private setAgent(agent: AgentView): void {
    if (!this.persisted) return;
    this.persisted.agent = agent;
    void savePersisted({ agent });
    this.refreshPanel();
  }

  private dispatch(action: ConversationsAction): void {
    const p = this.persisted;
    if (!p) return;
    const next = reduceConversations(p.conversations, action);
    if (next === p.conversations) return;
    p.conversations = next;
    this.scheduleSave();
    this.refreshPanel();
    this.lookUpQueueNames();
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.persisted) void savePersisted({ conversations: this.persisted.conversations });
    }, SAVE_CONVERSATIONS_MS);
  }

  /** Events name the queue only by id; learn the name once per queue from the REST conversation. */
  private lookUpQueueNames(): void {
    const p = this.persisted;
    const api = this.api;
    if (!p || !api) return;
    for (const e of Object.values(p.conversations.entries)) {
      const qid = e.view.queueId;
      if (!qid || e.view.queueName) continue;
      const known = p.queueNames[qid];
      if (known) {
        this.dispatch({ type: 'queue-name', queueId: qid, name: known });
        continue;
      }
      if (this.pendingQueueLookups.has(qid)) continue;
      this.pendingQueueLookups.add(qid);
      api
        .request<Models.Conversation>('GET', `/api/v2/conversations/${encodeURIComponent(e.view.id)}`)
        .then((c) => {
          const name = c.participants?.find((x) => x.queueId === qid && x.queueName)?.queueName;
          if (!name) return;
          p.queueNames[qid] = name;
          void savePersisted({ queueNames: p.queueNames });
          this.dispatch({ type: 'queue-name', queueId: qid, name });
        })
        .catch((err: unknown) => log('queue-name-lookup-failed', { queueId: qid, reason: String(err) }))
        .finally(() => this.pendingQueueLookups.delete(qid));
    }
  }

  /** Something the panel shows changed: rebuilt once per relay flush, not once per event of a storm. */
  private refreshPanel(): void {
    this.panelDirty = true;
    this.relay.publish();
  }

  private currentPanel(): PanelState {
    if (!this.panelDirty) return this.panelState;
    this.panelDirty = false;
    const p = this.persisted;
    const connection = connView(this.conn);
    const prev = this.panelState;
    const views = p ? activeViews(p.conversations) : [];
    const sameConn =
      prev.connection.status === connection.status &&
      sameReason(prev.connection.reason, connection.reason) &&
      prev.connection.retryAt === connection.retryAt;
    this.panelState = {
      connection: sameConn ? prev.connection : connection,
      agent: this.auth ? p?.agent : undefined,
      conversations: this.crm.present(views),
    };
    return this.panelState;
  }

  private async ensureAlarm(): Promise<void> {
    const existing = await browser.alarms.get(WATCHDOG_ALARM);
    if (!existing) await browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
  }
}
