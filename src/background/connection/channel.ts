/**
 * The notification channel and its subscriptions (REST side of the connection). A channel is
 * reused while it exists and can carry a socket: Genesys allows 20 per user per OAuth client, so
 * each new one counts.
 *
 * A channel is given up (and a new one made) when HEAD says it is gone (404, or 400/403/410:
 * nothing retrying fixes), when its `expires` has passed, or when MAX_FAILED_OPENS sockets in a
 * row failed to open on it. HEAD 401 is the token's problem, not the channel's: it is thrown, and
 * the connection renews.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { type Reason, reason } from '../../shared/reasons';
import { reasonEnglish } from '../../shared/reasons-en';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import type { ChannelHintStore, StoredChannel } from './deps';
import { rediscover } from './rediscover';
import { extraTopics, type TopicSet } from './topic-set';

export type { StoredChannel } from './deps';

/** The channel exists (HEAD 200) but this many opens in a row failed: a new one instead. */
export const MAX_FAILED_OPENS = 2;
/** A channel lives 24 h after its last subscribe [S] (when the POST gave no `expires`). */
export const CHANNEL_LIFETIME_MS = 24 * 3_600_000;
/** HEAD answers that mean "this channel is no more" (404 gone, 400/403/410 refused for good). */
const GONE = new Set([400, 403, 404, 410]);

/** A refusal only an admin can fix (a missing permission): the connection stops until Retry. */
export class BlockedError extends Error {
  constructor(readonly reason: Reason) {
    super(reasonEnglish(reason));
    this.name = 'BlockedError';
  }
}

/** The agent's own topics' suffixes: conversations, presence, routing status. */
const OWN_SUFFIXES = ['conversations', 'presence', 'routingStatus'] as const;

export function topicsFor(userId: string): string[] {
  return OWN_SUFFIXES.map((s) => `v2.users.${userId}.${s}`);
}

/** How many of the channel's topics the agent's own list takes (the team's budget is what is left). */
export const OWN_TOPIC_COUNT = OWN_SUFFIXES.length;

export interface ChannelDeps {
  api: Api;
  loadChannel(): Promise<StoredChannel | undefined>;
  saveChannel(c: StoredChannel | undefined): Promise<void>;
  /** storage.local's hint to this browser's channel (none: no rediscovery after a restart). */
  hints?: ChannelHintStore | undefined;
  /** Topics of other owners (the team view) subscribed with the agent's (connection/topic-set.ts). */
  extraTopics?: TopicSet | undefined;
  now(): number;
  log?(event: string, detail?: Record<string, unknown>): void;
}

const channelPath = (id: string) => `/api/v2/notifications/channels/${encodeURIComponent(id)}`;

/** Whether the channel may still be tried, before asking the server. */
export function usable(c: StoredChannel, now: number): boolean {
  return (c.failedOpens ?? 0) < MAX_FAILED_OPENS && (c.expires === undefined || c.expires > now);
}

/** A socket failed to open on the channel: counted and saved; false once it is given up. */
export async function countFailedOpen(deps: ChannelDeps, c: StoredChannel): Promise<boolean> {
  c.failedOpens = (c.failedOpens ?? 0) + 1;
  await deps.saveChannel(c);
  return c.failedOpens < MAX_FAILED_OPENS;
}

/** HEAD: true while it exists; false when gone for good; throws what retrying or renewal may fix. */
export async function exists(api: Api, id: string): Promise<boolean> {
  try {
    const status = await api.head(channelPath(id));
    return !GONE.has(status);
  } catch (e) {
    if (e instanceof GenesysError && GONE.has(e.status)) return false;
    throw e;
  }
}

/** `POST /notifications/channels`, saved for the next start. */
export async function createChannel(deps: ChannelDeps, owner: Owner, save = true): Promise<StoredChannel> {
  const created = await deps.api.request<Models.Channel>('POST', '/api/v2/notifications/channels');
  if (!created.id || !created.connectUri) throw new Error('channel without id or connectUri');
  const expires = created.expires ? Date.parse(String(created.expires)) : Number.NaN;
  const channel: StoredChannel = {
    id: created.id,
    connectUri: created.connectUri,
    expires: Number.isFinite(expires) ? expires : deps.now() + CHANNEL_LIFETIME_MS,
    userId: owner.userId,
    tokenExpiresAt: owner.tokenExpiresAt,
  };
  if (save) await deps.saveChannel(channel);
  deps.log?.('channel-created');
  return channel;
}

/** Who a channel is made for: the agent, and the expiry of the token that makes it. */
export interface Owner {
  userId: string;
  tokenExpiresAt: number | undefined;
}

/**
 * The known channel (memory, then storage.session, then the one found again after a browser
 * restart) if it is the agent's, usable and `HEAD` still finds it; else a new one.
 */
export async function ensureChannel(
  deps: ChannelDeps,
  known: StoredChannel | undefined,
  owner: Owner,
): Promise<StoredChannel> {
  let stored = known ?? (await deps.loadChannel());
  if (stored?.userId !== undefined && stored.userId !== owner.userId) stored = undefined;
  if (!stored && deps.hints) stored = await rediscover(deps.api, deps.hints, owner.userId, deps.now());
  if (stored) {
    const fit = usable(stored, deps.now());
    if (fit && (await exists(deps.api, stored.id))) {
      if (stored.userId !== undefined && stored.tokenExpiresAt !== undefined) return stored;
      // Stored before owners were recorded: taken as this agent's and this token's.
      const own = {
        ...stored,
        userId: owner.userId,
        tokenExpiresAt: stored.tokenExpiresAt ?? owner.tokenExpiresAt,
      };
      await deps.saveChannel(own);
      return own;
    }
    deps.log?.('channel-gone', { status: fit ? 'gone' : 'unusable' });
  }
  return createChannel(deps, owner);
}

/**
 * `PUT …/subscriptions`: replaces the topics with the agent's (and the extra topics: topic-set.ts)
 * and extends the channel's life by 24 h [S]. A refused conversations topic blocks (nothing to
 * show without it). Returns the new expiry.
 */
export async function subscribe(deps: ChannelDeps, channelId: string, userId: string): Promise<number> {
  const own = topicsFor(userId);
  const extra = extraTopics(deps.extraTopics, own);
  const put = (topics: string[]) =>
    deps.api.request<{ entities?: Models.ChannelTopic[] }>(
      'PUT',
      `${channelPath(channelId)}/subscriptions?ignoreErrors=true`,
      topics.map((id) => ({ id })),
    );
  let res: { entities?: Models.ChannelTopic[] } | undefined;
  let failed: unknown;
  try {
    res = await put([...own, ...extra]);
  } catch (e) {
    // Over the limit (400) or refused whole (403): the agent's own topics go alone.
    if (extra.length === 0 || !(e instanceof GenesysError) || (e.status !== 400 && e.status !== 403)) throw e;
    failed = e;
    res = await put(own);
  }
  const rejected = (res?.entities ?? []).filter((t) => t.state === 'Rejected');
  const conv = rejected.find((t) => (t.id ?? '').toLowerCase().endsWith('.conversations'));
  if (conv) {
    const perms = conv.missingPermissions ?? [];
    throw new BlockedError(
      perms.length > 0
        ? reason('subscription-missing-permission', { permission: perms })
        : reason('subscription-refused', { detail: conv.rejectionReason ?? { word: 'no-reason-given' } }),
    );
  }
  const ownKeys = new Set(own.map((t) => t.toLowerCase()));
  const extraRejected: Models.ChannelTopic[] = [];
  for (const t of rejected) {
    if (ownKeys.has((t.id ?? '').toLowerCase()))
      deps.log?.('topic-rejected', { topic: t.id, reason: t.rejectionReason });
    else extraRejected.push(t);
  }
  if (extraRejected.length > 0) deps.log?.('extra-topics-rejected', { count: extraRejected.length });
  deps.extraTopics?.subscribed(failed === undefined ? { rejected: extraRejected } : { rejected: [], failed });
  return deps.now() + CHANNEL_LIFETIME_MS;
}
