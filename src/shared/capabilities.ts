/**
 * What Cuecard may do beyond reading: the capabilities an admin turns on (options page,
 * `storage.sync` key `capabilities`, or enterprise policy, same key), what each needs from the
 * Genesys org (OAuth scopes of the client, permissions of the agent's role), and what each one's
 * state means. The one table the worker (background/capabilities/), the panel, the options page and
 * the README use; nothing re-derives a capability's state inline.
 *
 * Invariants:
 *  - A capability that writes to Genesys or the CRM is off until an admin enables it (`write`);
 *    read-only ones are on unless an admin turns them off.
 *  - A policy value wins over the user's own, key by key; a policy value of the wrong type is
 *    ignored and reported, never a crash.
 *  - An enabled capability whose scope or permission is missing is `unavailable` with exactly
 *    what to add; it is never offered as a button that fails. Until the grants are read (once per
 *    token: `GET /api/v2/tokens/me` for scopes, `users/me?expand=authorization` for permissions)
 *    it is `checking`.
 *  - A scope need is met by the scope or its full form (`routing` grants `routing:readonly`); a
 *    permission need is a list of alternatives, met by any one of them (Genesys' "ANY").
 */
import * as v from 'valibot';
import {
  CAPABILITY_IDS,
  type CapabilityId,
  type CapabilitySettings,
  type CapabilityStates,
} from './capability-states';
import type { CrmConnectorKind } from './crm/settings';
import { permissionGranted, scopeGranted } from './setup/requirements';

export interface CapabilityNeeds {
  id: CapabilityId;
  /** Writes to Genesys or the CRM: off until an admin turns it on. */
  write: boolean;
  /** OAuth scopes the client must have (the `:readonly` form is also granted by the full scope). */
  scopes: readonly string[];
  /** Each entry: the permissions of which the role must have one (Genesys' "ANY"). */
  permissions: readonly (readonly string[])[];
  /** Only with this CRM connector (External Contacts' writes). */
  connector?: CrmConnectorKind;
}

export const CAPABILITIES: readonly CapabilityNeeds[] = [
  {
    // GET /routing/queues/me (no permission), /routing/queues/{id}/members, the members' topics.
    id: 'team',
    write: false,
    scopes: ['routing:readonly', 'presence:readonly', 'users:readonly'],
    permissions: [
      ['routing:queue:view', 'routing:queue:edit', 'routing:queue:readonly', 'routing:queueMember:manage'],
    ],
  },
  {
    // PATCH /users/{me}/queues/{queueId} {joined}.
    id: 'queueJoin',
    write: true,
    scopes: ['routing'],
    permissions: [['routing:queue:join', 'routing:queueMember:manage']],
  },
  // The agent's pick among several matches, kept in this browser only (a keyed hash of the address).
  { id: 'rememberContact', write: false, scopes: [], permissions: [] },
  {
    // PUT /externalcontacts/conversations/{conversationId}.
    id: 'associateContact',
    write: true,
    scopes: ['external-contacts'],
    permissions: [['externalContacts:conversation:associate', 'relate:conversation:associate']],
    connector: 'externalContacts',
  },
  {
    // External Contacts: POST /externalcontacts/contacts/{id}/notes; a REST CRM: the admin's request
    // (no Genesys scope beyond reading the conversation and its wrap-up code).
    id: 'callLogging',
    write: true,
    scopes: [],
    permissions: [],
  },
  {
    // POST /externalcontacts/contacts.
    id: 'createContact',
    write: true,
    scopes: ['external-contacts'],
    permissions: [['externalContacts:contact:add', 'relate:contact:add']],
    connector: 'externalContacts',
  },
  {
    // POST /conversations/calls. The SDK lists conversation:conference:add; the Resource Center
    // "Conversation > Call > Add" (genesys-team-and-actions.md B.1, unverified): either is accepted.
    id: 'clickToDial',
    write: true,
    scopes: ['conversations'],
    permissions: [['conversation:conference:add', 'conversation:call:add']],
  },
];

/** Extra needs of call logging when the CRM is External Contacts (a note on the contact). */
export const CALL_LOGGING_EXTERNAL_CONTACTS: Pick<CapabilityNeeds, 'scopes' | 'permissions'> = {
  scopes: ['external-contacts'],
  permissions: [['externalContacts:contact:edit', 'relate:contact:edit']],
};

export const CAPABILITIES_KEY = 'capabilities';

export function defaultCapabilities(): CapabilitySettings {
  return Object.fromEntries(CAPABILITIES.map((c) => [c.id, !c.write])) as CapabilitySettings;
}

const BooleanMap = v.record(v.string(), v.unknown());

/**
 * The admin's choice per capability: policy first, then the user's own (`storage.sync`), then the
 * default. Unknown keys are ignored; a non-boolean value is ignored and named in `errors`.
 */
export function mergeCapabilities(
  synced: unknown,
  managed: unknown,
): { enabled: CapabilitySettings; locked: CapabilityId[]; errors: string[] } {
  const enabled = defaultCapabilities();
  const locked: CapabilityId[] = [];
  const errors: string[] = [];
  const read = (raw: unknown, source: string): Partial<Record<CapabilityId, boolean>> => {
    if (raw === undefined) return {};
    const r = v.safeParse(BooleanMap, raw);
    if (!r.success) {
      errors.push(`${source}: ${CAPABILITIES_KEY} must be an object of true/false values`);
      return {};
    }
    const out: Partial<Record<CapabilityId, boolean>> = {};
    for (const id of CAPABILITY_IDS) {
      const value = r.output[id];
      if (value === undefined) continue;
      if (typeof value === 'boolean') out[id] = value;
      else errors.push(`${source}: ${CAPABILITIES_KEY}.${id} must be true or false`);
    }
    return out;
  };
  const user = read(synced, 'settings');
  const policy = read(managed, 'policy');
  for (const id of CAPABILITY_IDS) {
    const p = policy[id];
    const u = user[id];
    if (p !== undefined) {
      enabled[id] = p;
      locked.push(id);
    } else if (u !== undefined) enabled[id] = u;
  }
  return { enabled, locked, errors };
}

/** What the org granted this token: scopes from tokens/me, permissions from users/me. */
export interface Grants {
  scopes: readonly string[];
  permissions: readonly string[];
}

/** The needs of one capability with the current connector (call logging's depend on it). */
export function needsOf(id: CapabilityId, connector: CrmConnectorKind | undefined): CapabilityNeeds {
  const c = CAPABILITIES.find((x) => x.id === id) as CapabilityNeeds;
  if (id === 'callLogging' && connector === 'externalContacts')
    return {
      ...c,
      scopes: [...c.scopes, ...CALL_LOGGING_EXTERNAL_CONTACTS.scopes],
      permissions: [...c.permissions, ...CALL_LOGGING_EXTERNAL_CONTACTS.permissions],
    };
  return c;
}

/** Each capability's state from the admin's choice, the connector and the token's grants. */
export function capabilityStates(
  enabled: CapabilitySettings,
  connector: CrmConnectorKind | undefined,
  grants: Grants | undefined,
): CapabilityStates {
  const out = {} as CapabilityStates;
  for (const id of CAPABILITY_IDS) {
    const needs = needsOf(id, connector);
    if (!enabled[id] || (needs.connector !== undefined && needs.connector !== connector)) {
      out[id] = { status: 'off' };
      continue;
    }
    if (!grants) {
      out[id] = { status: needs.scopes.length + needs.permissions.length === 0 ? 'on' : 'checking' };
      continue;
    }
    const missingScopes = needs.scopes.filter((s) => !scopeGranted(s, grants.scopes));
    const missingPermissions = needs.permissions
      .filter((any) => !any.some((p) => permissionGranted(p, grants.permissions)))
      .map((any) => any[0] as string);
    out[id] =
      missingScopes.length + missingPermissions.length === 0
        ? { status: 'on' }
        : { status: 'unavailable', missingScopes, missingPermissions };
  }
  return out;
}

export {
  CAPABILITY_STATUSES,
  type CapabilityState,
  CapabilityStatesSchema,
  type CapabilityStatus,
} from './capability-states';
export { CAPABILITY_IDS, type CapabilityId, type CapabilitySettings, type CapabilityStates };
