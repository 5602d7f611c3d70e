/**
 * Pushes the worker's truth to every connected panel and popup: a snapshot when a port connects,
 * then patches, coalesced so an event storm costs one message per flush, not one per event: a
 * change after a quiet spell goes out at once (next macrotask); while changes keep coming, flushes
 * are at least MIN_FLUSH_INTERVAL_MS apart, each carrying the latest state of what changed.
 * The same relay carries the team view to the `team` port (background/team/): its state, snapshot
 * and diff are given (`snapshot`, `diff`); the panel's are the default.
 */
import type { Runtime } from 'webextension-polyfill';
import type { PanelState } from '../../shared/domain';
import {
  ALLOWED_COMMANDS,
  type ClientKind,
  clientKindOf,
  parseToWorker,
  replyTo,
  type ToClient,
  type ToWorker,
} from '../../shared/protocol';
import { diffPanel } from './diff';

export interface RelayOptions<S = PanelState> {
  getState(): S;
  /** What a client gets on connect (default: the panel's `snapshot`). */
  snapshot?(state: S): ToClient;
  /** The patch from one state to the next, or nothing (default: the panel's, relay/diff.ts). */
  diff?(prev: S, next: S): ToClient | undefined;
  /** Flushes at least this far apart under a storm (default MIN_FLUSH_INTERVAL_MS). */
  minFlushIntervalMs?: number;
  /** Is this sender allowed to connect as this kind of client? */
  allowSender(kind: ClientKind, sender: Runtime.MessageSender | undefined): boolean;
  /** `reply` answers the client that sent the command, and only it (with the command's request id). */
  onCommand(command: ToWorker, kind: ClientKind, reply: (m: ToClient) => void): void;
  /** Resolves when the worker has restored its state (a snapshot before that would be empty). */
  ready: Promise<void>;
}

/** Under a storm, at most one patch per this many ms (the panel renders at most once per frame anyway). */
export const MIN_FLUSH_INTERVAL_MS = 16;

const panelSnapshot = (state: unknown): ToClient => ({ type: 'snapshot', state: state as PanelState });
const panelDiff = (prev: unknown, next: unknown) => diffPanel(prev as PanelState, next as PanelState);

export class Relay<S = PanelState> {
  private ports = new Set<Runtime.Port>();
  private lastSent: S | undefined;
  private flushScheduled = false;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private readonly snapshot: (state: S) => ToClient;
  private readonly diff: (prev: S, next: S) => ToClient | undefined;

  constructor(private readonly opts: RelayOptions<S>) {
    this.snapshot = opts.snapshot ?? panelSnapshot;
    this.diff = opts.diff ?? panelDiff;
  }

  get clientCount(): number {
    return this.ports.size;
  }

  attach(port: Runtime.Port): void {
    const kind = clientKindOf(port.name);
    if (!kind || !this.opts.allowSender(kind, port.sender)) {
      console.warn(
        '[cuecard] refused a connection from',
        port.sender?.url ?? port.sender?.id ?? 'unknown sender',
      );
      port.disconnect();
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const command = parseToWorker(raw);
      if (command && ALLOWED_COMMANDS[kind].includes(command.type))
        this.opts.onCommand(command, kind, (m) => this.post(port, replyTo(command, m)));
      else
        console.warn(
          `[cuecard] refused a ${command ? `${command.type} command from the ${kind}` : 'malformed command'}`,
        );
    });
    port.onDisconnect.addListener(() => this.ports.delete(port));
    void this.opts.ready.then(() => {
      this.flush(); // bring everyone else up to date first, so the snapshot and the stream agree
      this.post(port, this.snapshot(this.opts.getState()));
      this.ports.add(port);
    });
  }

  /** Something changed: send it soon, once, whatever else changes in the meantime. */
  publish(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const gap = this.opts.minFlushIntervalMs ?? MIN_FLUSH_INTERVAL_MS;
    const wait = this.lastFlushAt + gap - performance.now();
    setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /** To the panels (content scripts) of one tab only, e.g. a keyboard command pressed there. */
  sendToTab(tabId: number, message: ToClient): void {
    for (const p of this.ports) {
      if (clientKindOf(p.name) === 'panel' && p.sender?.tab?.id === tabId) this.post(p, message);
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    this.lastFlushAt = performance.now();
    const next = this.opts.getState();
    const prev = this.lastSent;
    this.lastSent = next;
    if (!prev || this.ports.size === 0) return;
    const patch = this.diff(prev, next);
    if (patch) for (const p of this.ports) this.post(p, patch);
  }

  private post(port: Runtime.Port, message: ToClient): void {
    try {
      port.postMessage(message);
    } catch {
      this.ports.delete(port); // its page went away between the event and the flush
    }
  }
}
