/**
 * Opening and dropping the notification WebSocket. `SocketLike` is the part of the DOM WebSocket
 * the connection uses, so Node passes `ws` and tests pass a fake.
 */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export const WS_OPEN = 1;
/** A socket that has not opened by then never will: retry rather than wait on it. */
export const OPEN_TIMEOUT_MS = 10_000;

export interface OpenSocketDeps {
  openSocket(url: string): SocketLike;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SocketHandlers {
  onOpen(socket: SocketLike): void;
  onMessage(socket: SocketLike, data: unknown): void;
  /** The socket closed after it had opened. */
  onClosed(socket: SocketLike, code: number): void;
}

/** Resolves with the open socket; rejects when it closes first or does not open in time. */
export function openSocket(deps: OpenSocketDeps, url: string, on: SocketHandlers): Promise<SocketLike> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const socket = deps.openSocket(url);
    const timer = deps.setTimeout(() => {
      if (settled) return;
      settled = true;
      socket.close();
      reject(new Error('WebSocket did not open in time'));
    }, OPEN_TIMEOUT_MS);
    socket.onopen = () => {
      if (settled) return;
      settled = true;
      deps.clearTimeout(timer);
      on.onOpen(socket);
      resolve(socket);
    };
    socket.onmessage = (ev) => on.onMessage(socket, ev.data);
    socket.onerror = () => undefined; // the close event that follows carries the information
    socket.onclose = (ev) => {
      if (!settled) {
        settled = true;
        deps.clearTimeout(timer);
        reject(new Error(`WebSocket closed before opening (${ev.code})`));
        return;
      }
      on.onClosed(socket, ev.code);
    };
  });
}

/** Closes without hearing from it again (its close event would otherwise count as a loss). */
export function dropSocket(s: SocketLike | undefined, code: number, reason: string): void {
  if (!s) return;
  s.onclose = null;
  s.onmessage = null;
  try {
    s.close(code, reason);
  } catch {
    // already closed
  }
}
