/** The agent feed with its Chrome dependencies: storage.session, the real clock, the DOM WebSocket. */
import type { SocketLike } from '../connection/connection';
import { localHintStore } from './channel-hint';
import { AgentFeed, type FeedDeps } from './feed';
import { sessionFeedStore } from './persist';

export { AgentFeed } from './feed';

export function createFeed(
  deps: Pick<
    FeedDeps,
    | 'renewToken'
    | 'onAuthLost'
    | 'onAgentChanged'
    | 'onPermissions'
    | 'onChange'
    | 'log'
    | 'tokenExpiresAt'
    | 'rider'
  >,
): AgentFeed {
  return new AgentFeed({
    ...deps,
    store: sessionFeedStore,
    hints: localHintStore,
    clock: {
      now: Date.now,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    random: Math.random,
    // The DOM WebSocket is structurally a SocketLike; its handler types are just narrower.
    openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  });
}
