/**
 * REST notification channels: create, list, HEAD, and their subscriptions (PUT replaces, POST adds,
 * DELETE clears; `ignoreErrors`), plus the available topics.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { serviceBase } from '../hosts';
import { isRecord, parseJson, sendEmpty, sendError, sendJson } from '../http';
import type { ChannelRecord } from '../notifications/channels';
import { topicCost } from '../notifications/topic-set';
import { availableTopics, judgeTopic, type TopicRules } from '../notifications/topics';
import type { ApiRequestContext } from './auth';
import { expands } from './users';

const rules = (c: ApiRequestContext): TopicRules => c.core.opts;

function channelView(c: ApiRequestContext, ch: ChannelRecord): Models.Channel {
  return { connectUri: ch.connectUri, id: ch.id, expires: c.core.iso(ch.expiresAt) };
}

export function createChannel(c: ApiRequestContext): void {
  const { core } = c;
  const base = serviceBase(c.info, 'streaming', core.opts.tls);
  const ch = core.channels.create(
    { userId: c.user.id, clientId: c.token.clientId, token: c.token.token },
    base,
  );
  sendJson(c.res, core.opts.createChannelStatus, channelView(c, ch));
}

export function listChannels(c: ApiRequestContext): void {
  const mode = (c.url.searchParams.get('includechannels') ?? 'token').toLowerCase();
  const entities = c.core.channels
    .live()
    .filter((ch) =>
      mode === 'oauthclient'
        ? ch.userId === c.user.id && ch.clientId === c.token.clientId
        : ch.token === c.token.token,
    )
    .map((ch) => channelView(c, ch));
  const listing: Models.ChannelEntityListing = { entities };
  sendJson(c.res, 200, listing);
}

/** The user's live channel, or a 404 answer. */
function ownChannel(c: ApiRequestContext, id: string, head = false): ChannelRecord | undefined {
  const ch = c.core.channels.get(id);
  if (ch && ch.userId === c.user.id) {
    c.core.channels.touch(ch);
    return ch;
  }
  if (head) sendEmpty(c.res, 404);
  else sendError(c.res, 404, 'not.found', 'The channel {id} was not found', { id });
  return undefined;
}

export function headChannel(c: ApiRequestContext, [id = '']: string[]): void {
  if (ownChannel(c, id, true)) sendEmpty(c.res, 200);
}

function topicList(ch: ChannelRecord): Models.ChannelTopic[] {
  return [...ch.topics.values()].map((id) => ({
    id,
    state: 'Permitted',
    selfUri: `/api/v2/notifications/channels/${ch.id}/subscriptions/${id}`,
  }));
}

export function getSubscriptions(c: ApiRequestContext, [id = '']: string[]): void {
  const ch = ownChannel(c, id);
  if (!ch) return;
  const listing: Models.ChannelTopicEntityListing = { entities: topicList(ch) };
  sendJson(c.res, 200, listing);
}

export function deleteSubscriptions(c: ApiRequestContext, [id = '']: string[]): void {
  const ch = ownChannel(c, id);
  if (!ch) return;
  ch.topics.clear();
  if (c.core.opts.deleteSubscriptionsStatus === 200)
    sendJson(c.res, 200, { entities: [] } satisfies Models.ChannelTopicEntityListing);
  else sendEmpty(c.res, 204);
}

/** PUT replaces the channel's topics, POST adds to them. */
export async function setSubscriptions(
  c: ApiRequestContext,
  [id = '']: string[],
  replace: boolean,
): Promise<void> {
  const ch = ownChannel(c, id);
  if (!ch) return;
  let body: unknown;
  try {
    body = parseJson(await c.body());
  } catch {
    return sendError(c.res, 400, 'bad.request', 'The request body could not be parsed as JSON');
  }
  const items = Array.isArray(body) ? body : undefined;
  if (!items?.every((t) => isRecord(t) && typeof t.id === 'string')) {
    return sendError(
      c.res,
      400,
      'bad.request',
      'The body must be an array of topics like [{"id":"v2.users.<id>.conversations"}]',
    );
  }
  const ignoreErrors = c.url.searchParams.get('ignoreErrors')?.toLowerCase() === 'true';
  const verdicts = items.map((t) => judgeTopic(String((t as { id: string }).id), c.user, ch.id, rules(c)));
  const firstError = verdicts.find((v) => v.error)?.error;
  if (firstError && !ignoreErrors) {
    return sendError(c.res, firstError.status, firstError.code, firstError.template, firstError.params);
  }
  const next = new Map(replace ? [] : ch.topics);
  for (const v of verdicts) {
    if (v.topic.state === 'Permitted' && v.topic.id) next.set(v.topic.id.toLowerCase(), v.topic.id);
  }
  const max = c.core.opts.maxTopicsPerChannel;
  const count = topicCost(next.keys(), c.core.opts.combinedTopicCost);
  if (count > max) {
    return sendError(
      c.res,
      400,
      'bad.request',
      'A channel may subscribe to at most {limit} topics; this request would make {count}',
      {
        limit: String(max),
        count: String(count),
      },
    );
  }
  ch.topics.clear();
  for (const [k, v] of next) ch.topics.set(k, v);
  c.core.channels.extend(ch);
  const rejected = verdicts.filter((v) => v.topic.state === 'Rejected').map((v) => v.topic);
  const listing: Models.ChannelTopicEntityListing = { entities: [...topicList(ch), ...rejected] };
  sendJson(c.res, 200, listing);
}

export function getAvailableTopics(c: ApiRequestContext): void {
  sendJson(c.res, 200, availableTopics(expands(c.url), rules(c)));
}
