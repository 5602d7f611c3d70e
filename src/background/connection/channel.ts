/**
 * The notification channel and its subscriptions (REST side of the connection). A channel is
 * reused while it exists: Genesys allows 20 per user per OAuth client, so each new one counts.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { type Reason, reason } from '../../shared/reasons';
import { reasonEnglish } from '../../shared/reasons-en';
import type { Api } from '../genesys/rest';

export interface StoredChannel {
  id: string;
  connectUri: string;
}

/** A problem retrying cannot fix (a refused subscription): the link blocks until Retry. */
/** A refusal only an admin can fix (a missing permission): the connection stops until Retry. */
export class BlockedError extends Error {
  constructor(readonly reason: Reason) {
    super(reasonEnglish(reason));
    this.name = 'BlockedError';
  }
}

export function topicsFor(userId: string): string[] {
  return [
    `v2.users.${userId}.conversations`,
    `v2.users.${userId}.presence`,
    `v2.users.${userId}.routingStatus`,
  ];
}

export interface ChannelDeps {
  api: Api;
  loadChannel(): Promise<StoredChannel | undefined>;
  saveChannel(c: StoredChannel | undefined): Promise<void>;
  log?(event: string, detail?: Record<string, unknown>): void;
}

/** The known channel if `HEAD` still finds it, else a new one (saved for the next start). */
export async function ensureChannel(
  deps: ChannelDeps,
  known: StoredChannel | undefined,
): Promise<StoredChannel> {
  const stored = known ?? (await deps.loadChannel());
  if (stored) {
    const status = await deps.api.head(`/api/v2/notifications/channels/${encodeURIComponent(stored.id)}`);
    if (status !== 404) return stored;
    deps.log?.('channel-gone', { channel: stored.id });
  }
  const created = await deps.api.request<Models.Channel>('POST', '/api/v2/notifications/channels');
  if (!created.id || !created.connectUri) throw new Error('channel without id or connectUri');
  const channel = { id: created.id, connectUri: created.connectUri };
  await deps.saveChannel(channel);
  deps.log?.('channel-created', { channel: created.id });
  return channel;
}

/** Subscribes the agent's topics; a refused conversations topic blocks (nothing to show without it). */
export async function subscribe(deps: ChannelDeps, channelId: string, userId: string): Promise<void> {
  const topics = topicsFor(userId).map((id) => ({ id }));
  const res = await deps.api.request<{ entities?: Models.ChannelTopic[] }>(
    'PUT',
    `/api/v2/notifications/channels/${encodeURIComponent(channelId)}/subscriptions?ignoreErrors=true`,
    topics,
  );
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
  for (const t of rejected) deps.log?.('topic-rejected', { topic: t.id, reason: t.rejectionReason });
}
