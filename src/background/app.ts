/**
 * The worker's composition root: constructs the session (the gate, the token), the feed (the
 * link, the agent, the conversations), the capabilities, the card's services (card/: CRM, picks,
 * call log, dialing), the team view, the panel view and the relay; forwards the chrome.* hooks
 * (index.ts) and dispatches the clients' commands. No business logic here.
 * Everything held in memory can be rebuilt from storage, so eviction loses nothing.
 */
import type { Models } from 'purecloud-platform-client-v2';
import browser, { type Runtime, type Storage } from 'webextension-polyfill';
import {
  type ClientKind,
  clientKindOf,
  PANEL_COMMANDS,
  type ToClient,
  type ToWorker,
} from '../shared/protocol';
import { isComplete } from '../shared/settings';
import { createCapabilities, isCapabilityChange, loadCapabilitySettings } from './capabilities';
import { CardServices, isCardCommand } from './card';
import { buildReport } from './diagnostics';
import { createFeed } from './feed';
import { RateLimiter } from './genesys/limiter';
import { MyQueues } from './genesys/my-queues';
import { type Api, createApi } from './genesys/rest';
import { diagnostics, log } from './log';
import { PanelView } from './panel-view';
import { Relay } from './relay/relay';
import { allowSender } from './relay/sender-check';
import { createSession } from './session';
import type { Gate } from './session/gate';
import { loadSettings } from './settings-source';
import { SetupChecker } from './setup-check';
import { migrateStorage } from './storage-migration';
import { createTeam } from './team';
import { syncWatchdog, WATCHDOG_ALARM } from './watchdog';

export class Background {
  /** The REST client of the open gate (undefined while it is closed). */
  private api: Api | undefined;
  /** The REST budget, shared by every client of every token this worker makes (genesys/limiter.ts). */
  private readonly limiter = new RateLimiter();
  /** The agent's queues, read once for the dialer and the team (genesys/my-queues.ts). */
  private readonly myQueues = new MyQueues();
  readonly ready: Promise<void>;
  readonly relay: Relay;
  private readonly session = createSession({
    onGate: (g) => this.onGate(g),
    release: () => this.release(),
    idlesAt: (token) => this.idlesAt(token),
    log,
  });
  /** The team view (src/background/team): rides the feed's channel, its own port and relay. */
  private readonly team = createTeam({
    api: () => this.api,
    myQueues: this.myQueues,
    signedIn: () => this.session.token !== undefined,
    capabilities: () => this.capabilities,
    feed: () => this.feed,
    ready: () => this.ready,
    log,
  });
  private readonly feed = createFeed({
    renewToken: () => this.session.renew(),
    tokenExpiresAt: () => this.session.token?.expiresAt,
    onAuthLost: (reason) => this.session.authLost(reason),
    // Another agent on this browser: nothing cached for the previous one may show.
    onAgentChanged: () => {
      this.myQueues.reset();
      this.card.reset();
    },
    onPermissions: (p) => this.capabilities.setPermissions(p),
    onChange: () => this.refresh(),
    rider: this.team.team,
    log,
  });
  /** What the admin allowed and the token's grants permit (src/background/capabilities). */
  private readonly capabilities = createCapabilities({ onChange: () => this.refresh(), log });
  /** The conversation card: CRM lookup, remembered picks, call log, click-to-dial (src/background/card). */
  private readonly card = new CardServices({
    getApi: () => this.api,
    myQueues: this.myQueues,
    agent: () => this.feed.agent,
    capability: (id) => this.capabilities.states()[id],
    onChange: () => this.refresh(),
    log,
  });
  /** The options page's "Check setup": its own sign-in and token, never the agent's session. */
  private readonly setupCheck = new SetupChecker({ log });
  private readonly view = new PanelView({
    gate: () => this.session.current,
    link: () => this.feed.link,
    agent: () => (this.session.token ? this.feed.agent : undefined),
    views: () => this.feed.views(),
    present: (views) => this.card.present(views),
    capabilities: () => (this.session.token ? this.capabilities.states() : undefined),
    calls: () => (this.session.token ? this.card.calls() : undefined),
  });

  constructor() {
    let resolveReady: () => void = () => undefined;
    this.ready = new Promise((r) => {
      resolveReady = r;
    });
    this.relay = new Relay({
      getState: () => this.view.current(),
      allowSender: (kind, sender) => allowSender(kind, sender),
      onCommand: (c, kind, reply) => void this.command(c, kind, reply),
      ready: this.ready,
    });
    void this.init().finally(resolveReady);
  }

  private async init(): Promise<void> {
    await migrateStorage(log);
    const [settings] = await Promise.all([
      loadSettings(),
      this.feed.restore(),
      this.team.team.restore(),
      this.capabilities.restore(),
      loadCapabilitySettings(this.capabilities, log),
      this.card.ready,
    ]);
    await this.session.restore(settings);
    this.refresh();
    await this.session.evaluate();
    this.card.resume(this.heldIds()); // writes an eviction interrupted
  }

  // Lifecycle hooks, called from index.ts listeners.

  async onAlarm(name: string): Promise<void> {
    if (name !== WATCHDOG_ALARM) return;
    await this.ready;
    await this.session.renewIfExpiring();
    this.feed.ensure();
    this.card.resume(this.heldIds());
  }

  async onStorageChanged(changes: Record<string, Storage.StorageChange>, area: string): Promise<void> {
    const crmChanged = this.card.storageChanged(changes, area);
    if (area !== 'sync' && area !== 'managed') return;
    if (crmChanged || isCapabilityChange(changes)) void loadCapabilitySettings(this.capabilities, log);
    await this.ready;
    await this.session.settingsChanged(await loadSettings(), Object.keys(changes));
  }

  onConnect(port: Runtime.Port): void {
    if (clientKindOf(port.name) === 'team') this.team.attach(port);
    else this.relay.attach(port);
    void this.ready.then(() => this.feed.ensure());
  }

  /** A `chrome.commands` shortcut: the panel in the tab it was pressed in acts on it. */
  async onCommand(command: string, tabId: number | undefined): Promise<void> {
    const name = PANEL_COMMANDS.find((c) => c === command);
    if (!name) return;
    await this.ready;
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) this.relay.sendToTab(id, { type: 'command', name });
  }

  private async command(c: ToWorker, kind: ClientKind, reply: (m: ToClient) => void): Promise<void> {
    await this.ready;
    log('command', { type: c.type, from: kind });
    if (isCardCommand(c)) return this.card.command(c, reply);
    switch (c.type) {
      case 'signIn':
        return this.session.signIn();
      case 'signOut':
        return this.session.signOut();
      case 'reconnect':
        if (this.session.current.status === 'open') this.feed.retry();
        else await this.session.evaluate();
        return;
      case 'getDiagnostics':
        reply({ type: 'diagnostics', text: this.report() });
        return;
      case 'checkSetup':
        reply(await this.setupCheck.run());
        return;
    }
  }

  /** The session wrote the gate: open (or nudge) the feed while it is open, close it otherwise. */
  private onGate(gate: Gate): void {
    const s = this.session.effective.settings;
    if (gate.status === 'open' && isComplete(s)) {
      this.api ??= createApi({
        baseUrl: `https://api.${s.region}`,
        getToken: async () => this.session.token?.accessToken,
        limiter: this.limiter,
      });
      this.feed.open(this.api, s.region);
    } else {
      this.feed.close();
      this.api = undefined;
    }
    void syncWatchdog(browser.alarms, this.session.token !== undefined);
    this.refresh();
  }

  /**
   * `GET /tokens/me` of a fresh token, once per sign-in or renewal: `dateTokenIdles` (HIPAA idle
   * timeout) for the session, `authorizedScope` for the capabilities.
   */
  private async idlesAt(token: string): Promise<number | undefined> {
    const s = this.session.effective.settings;
    if (!isComplete(s)) return undefined;
    const api = createApi({
      baseUrl: `https://api.${s.region}`,
      getToken: async () => token,
      limiter: this.limiter,
    });
    const info = await api.request<Models.TokenInfo>('GET', '/api/v2/tokens/me', undefined, {
      priority: 'connection',
    });
    this.capabilities.setScopes(info.authorizedScope);
    this.card.org.set(info.organization?.id);
    const at = info.dateTokenIdles ? Date.parse(info.dateTokenIdles) : Number.NaN;
    return Number.isNaN(at) ? undefined : at;
  }

  /** Before sign-out forgets the token: free the channel and revoke the token server-side (best effort). */
  private async release(): Promise<void> {
    const api = this.api;
    await this.feed.release();
    this.myQueues.reset();
    this.card.reset();
    this.team.team.reset();
    this.capabilities.reset();
    this.api = undefined;
    if (api)
      await api
        .request('DELETE', '/api/v2/tokens/me', undefined, { priority: 'connection' })
        .catch(() => undefined);
  }

  /** The conversations the worker holds (restored after an eviction, before any view is shown). */
  private heldIds(): string[] {
    return this.feed.views().map((v) => v.id);
  }

  /** Something the panel shows changed: rebuilt once per relay flush, not once per event of a storm. */
  private refresh(): void {
    this.card.refresh();
    this.view.invalidate();
    this.relay.publish();
    this.team.refresh();
  }

  private report(): string {
    const s = this.session.effective.settings;
    const auth = this.session.token;
    return buildReport(diagnostics, {
      version: browser.runtime.getManifest().version,
      userAgent: navigator.userAgent,
      region: s.region,
      clientId: s.clientId,
      tokenExpiresAt: auth?.expiresAt,
      state: this.view.current(),
      now: Date.now(),
      secrets: auth ? [auth.accessToken] : [],
    });
  }
}
