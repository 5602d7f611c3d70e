/**
 * REST users: `users/me` with its expands, presence (GET/PATCH) and routing status (GET/PUT), each
 * for another user only with the permission to edit it.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { isRecord, parseJson, sendError, sendJson } from '../http';
import { HOME_DIVISION } from '../org/snapshots';
import {
  normalizePresence,
  normalizeRoutingStatus,
  presenceKeyById,
  restPresence,
  restRoutingStatus,
} from '../org/users';
import type { SimUser } from '../types';
import { type ApiRequestContext, requireAnyPermission } from './auth';
import { ALL_SCOPES } from './scopes';

/** `expand=a,b` and `expand=a&expand=b` both work. */
export function expands(url: URL): Set<string> {
  return new Set(
    url.searchParams
      .getAll('expand')
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

function findUser(c: ApiRequestContext, id: string): SimUser | undefined {
  const user = c.core.users.get(id);
  if (!user) sendError(c.res, 404, 'not.found', 'The requested user {id} was not found', { id });
  return user;
}

export function getMe(c: ApiRequestContext): void {
  const { core, user } = c;
  const ex = expands(c.url);
  const me: Models.UserMe = {
    id: user.id,
    name: user.name,
    division: {
      id: HOME_DIVISION.id,
      name: HOME_DIVISION.name,
      selfUri: `/api/v2/authorization/divisions/${HOME_DIVISION.id}`,
    },
    chat: { jabberId: `${user.id}@cuecard-sim.orgspan.com` },
    email: user.email,
    username: user.email,
    state: 'active',
    version: 1,
    acdAutoAnswer: false,
    selfUri: `/api/v2/users/${user.id}`,
  };
  if (ex.has('presence')) me.presence = restPresence(user, core.iso);
  if (ex.has('routingStatus')) me.routingStatus = restRoutingStatus(user, core.iso);
  if (ex.has('organization')) {
    me.organization = {
      id: core.org.id,
      name: core.org.name,
      thirdPartyOrgName: core.org.thirdPartyOrgName,
      version: 1,
      state: 'active',
    };
  }
  if (ex.has('authorization')) me.authorization = { roles: [], permissions: [...user.permissions] };
  if (ex.has('token')) {
    me.token = {
      organization: { id: core.org.id, name: core.org.name },
      homeOrganization: { id: core.org.id, name: core.org.name },
      authorizedScope: c.client?.scopes ?? ALL_SCOPES,
    };
  }
  sendJson(c.res, 200, me);
}

export function getPresence(c: ApiRequestContext, [id = '']: string[]): void {
  const user = findUser(c, id);
  if (user) sendJson(c.res, 200, restPresence(user, c.core.iso));
}

export async function patchPresence(c: ApiRequestContext, [id = '']: string[]): Promise<void> {
  const user = findUser(c, id);
  if (!user) return;
  if (user.id !== c.user.id && !requireAnyPermission(c, ['user:presence:edit'])) return;
  const body = parseJson(await c.body());
  const def = isRecord(body) && isRecord(body.presenceDefinition) ? body.presenceDefinition : undefined;
  const key =
    (typeof def?.id === 'string' ? presenceKeyById(def.id) : undefined) ??
    (typeof def?.systemPresence === 'string' ? normalizePresence(def.systemPresence) : undefined);
  if (!key) {
    return sendError(c.res, 400, 'bad.request', 'The presence definition is missing or unknown');
  }
  c.core.users.setPresence(user.id, key);
  sendJson(c.res, 200, restPresence(user, c.core.iso));
}

export function getRoutingStatus(c: ApiRequestContext, [id = '']: string[]): void {
  const user = findUser(c, id);
  if (user) sendJson(c.res, 200, restRoutingStatus(user, c.core.iso));
}

export async function putRoutingStatus(c: ApiRequestContext, [id = '']: string[]): Promise<void> {
  const user = findUser(c, id);
  if (!user) return;
  if (user.id !== c.user.id && !requireAnyPermission(c, ['routing:agentOnQueue:edit'])) return;
  const body = parseJson(await c.body());
  const status =
    isRecord(body) && typeof body.status === 'string' ? normalizeRoutingStatus(body.status) : undefined;
  if (!status) return sendError(c.res, 400, 'bad.request', 'The routing status is missing or unknown');
  c.core.users.setRoutingStatus(user.id, status);
  sendJson(c.res, 200, restRoutingStatus(user, c.core.iso));
}
