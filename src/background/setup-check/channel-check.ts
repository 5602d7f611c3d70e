/**
 * The check's notification channel: the one of the previous run while `HEAD` still finds it,
 * else a new one; subscribed to the agent's topics (what the connection subscribes), then
 * emptied again. Genesys allows 20 channels per user per OAuth client, so none may leak.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { reason } from '../../shared/reasons';
import type { SetupCheck } from '../../shared/setup/check-result';
import { topicsFor } from '../connection/channel';
import type { Api } from '../genesys/rest';

const channelPath = (id: string) => `/api/v2/notifications/channels/${encodeURIComponent(id)}`;

export async function checkChannel(
  api: Api,
  userId: string,
  memory: { id?: string | undefined },
  log?: (event: string, detail?: Record<string, unknown>) => void,
): Promise<SetupCheck> {
  let id = memory.id;
  if (id && (await api.head(channelPath(id))) === 404) id = undefined;
  log?.('setup-check-channel', { reused: id !== undefined });
  if (!id) {
    const created = await api.request<Models.Channel>('POST', '/api/v2/notifications/channels');
    if (!created.id) throw new Error('the channel was created without an id');
    id = created.id;
  }
  memory.id = id;
  try {
    const res = await api.request<Models.ChannelTopicEntityListing>(
      'PUT',
      `${channelPath(id)}/subscriptions?ignoreErrors=true`,
      topicsFor(userId).map((topic) => ({ id: topic })),
    );
    const rejected = (res?.entities ?? []).filter((t) => t.state === 'Rejected');
    if (rejected.length === 0) return { id: 'channel', status: 'ok' };
    const permissions = [...new Set(rejected.flatMap((t) => t.missingPermissions ?? []))];
    const detail = rejected.map((t) => `${t.id}: ${t.rejectionReason ?? '?'}`).join('; ');
    return {
      id: 'channel',
      status: 'failed',
      reason:
        permissions.length > 0
          ? reason('subscription-missing-permission', { permission: permissions })
          : reason('subscription-refused', { detail }),
    };
  } finally {
    await api.request('DELETE', `${channelPath(id)}/subscriptions`).catch(() => undefined);
  }
}
