/**
 * The pages' link to the worker that can also ask (the popup's diagnostics, the options page's
 * test lookup): `request` resolves with the command's reply type (REPLIES in protocol.ts). Its
 * own module, so the content script, which never asks, does not carry it (bundle budget).
 */
import {
  type ClientKind,
  connectToWorker,
  isReply,
  parseToClient,
  REPLIES,
  type Reply,
  type ReplyOf,
  type RequestCommand,
  type ToClient,
  type ToWorker,
  type WorkerLink,
} from './protocol';

/** How long a request waits for its reply: a worker that is starting up answers well within it. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** A link that can also ask (the popup, the options page): `request` resolves with the command's reply. */
export interface RequestLink extends WorkerLink {
  /** Rejects after `timeoutMs`, or as soon as the link closes (the reply can no longer come). */
  request<C extends RequestCommand>(command: C, timeoutMs?: number): Promise<ReplyOf<C>>;
}

/**
 * `connectToWorker` that pairs requests with replies: each request gets a fresh id, and only a
 * reply of the command's reply type with that id settles it. Replies never reach `onMessage`:
 * one for another request (or that came after its timeout) is dropped.
 */
export function connectForRequests(
  kind: ClientKind,
  handlers: { onMessage: (m: ToClient) => void; onClose: () => void },
): RequestLink {
  const pending = new Map<number, { type: Reply['type']; settle(m?: Reply): void }>();
  let lastId = 0;
  const settle = (id: number, m?: Reply) => pending.get(id)?.settle(m);
  const link: WorkerLink = connectToWorker<ToClient, ToWorker>(kind, {
    parse: parseToClient,
    onMessage: (m) => {
      if (!isReply(m)) handlers.onMessage(m);
      else if (m.requestId !== undefined && pending.get(m.requestId)?.type === m.type) settle(m.requestId, m);
    },
    onClose: () => {
      for (const p of [...pending.values()]) p.settle();
      handlers.onClose();
    },
  });
  const request = <C extends RequestCommand>(command: C, timeoutMs = REQUEST_TIMEOUT_MS) =>
    new Promise<ReplyOf<C>>((resolve, reject) => {
      const id = ++lastId;
      const timer = setTimeout(() => settle(id), timeoutMs);
      pending.set(id, {
        type: REPLIES[command.type],
        settle: (m) => {
          pending.delete(id);
          clearTimeout(timer);
          if (m) resolve(m as ReplyOf<C>);
          else reject(new Error(`no reply to ${command.type} within ${timeoutMs} ms`));
        },
      });
      link.send({ ...command, requestId: id });
    });
  return { ...link, request };
}
