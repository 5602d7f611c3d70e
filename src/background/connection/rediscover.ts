/**
 * Finding this browser's channel again after a browser restart (storage.session is empty then):
 * a hint in storage.local names it by a SHA-256 of its id (the id itself grants the event stream
 * and never leaves memory and storage.session), for one agent. `GET …/channels?includechannels=
 * oauthclient` lists the agent's channels of this OAuth client (other browsers' too: only the one
 * whose hash matches is taken) and HEAD confirms it. Two REST calls, once per browser start,
 * instead of leaking a channel (20 per user per client).
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Api } from '../genesys/rest';
import type { ChannelHint, ChannelHintStore, StoredChannel } from './deps';

export type { ChannelHint, ChannelHintStore } from './deps';

export async function hashId(id: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function hintFor(c: StoredChannel, userId: string): Promise<ChannelHint> {
  return { userId, idHash: await hashId(c.id), diesAt: c.tokenExpiresAt };
}

/** This agent's channel from before the restart, if the hint names one Genesys still lists. */
export async function rediscover(
  api: Api,
  hints: ChannelHintStore,
  userId: string,
  now: number,
): Promise<StoredChannel | undefined> {
  const hint = await hints.load();
  if (!hint || hint.userId !== userId) return undefined;
  const listing = await api.request<Models.ChannelEntityListing>(
    'GET',
    '/api/v2/notifications/channels?includechannels=oauthclient',
  );
  for (const c of listing.entities ?? []) {
    if (!c.id || !c.connectUri || (await hashId(c.id)) !== hint.idHash) continue;
    const expires = c.expires ? Date.parse(String(c.expires)) : Number.NaN;
    if (Number.isFinite(expires) && expires <= now) return undefined;
    return {
      id: c.id,
      connectUri: c.connectUri,
      userId,
      expires: Number.isFinite(expires) ? expires : undefined,
      tokenExpiresAt: hint.diesAt,
    };
  }
  return undefined;
}

/** In memory (Node: tests, benchmarks); two agents sharing one stand for one browser's storage.local. */
export function memoryHintStore(): ChannelHintStore {
  let kept: ChannelHint | undefined;
  return {
    load: async () => (kept ? { ...kept } : undefined),
    save: async (h) => {
      kept = h ? { ...h } : undefined;
    },
  };
}
