/**
 * The capabilities' ids and states as the panel and options page receive them (a leaf: imports
 * nothing of the project, so domain.ts and the protocol can use it). What each capability needs and
 * how its state is computed: capabilities.ts.
 */
import * as v from 'valibot';

export const CAPABILITY_IDS = [
  'team',
  'queueJoin',
  'rememberContact',
  'associateContact',
  'callLogging',
  'createContact',
  'clickToDial',
] as const;
export type CapabilityId = (typeof CAPABILITY_IDS)[number];

export type CapabilitySettings = Record<CapabilityId, boolean>;

export const CAPABILITY_STATUSES = ['off', 'checking', 'on', 'unavailable'] as const;
export type CapabilityStatus = (typeof CAPABILITY_STATUSES)[number];

export interface CapabilityState {
  status: CapabilityStatus;
  /** `unavailable`: what the admin must add, each named once (the permission: its first alternative). */
  missingScopes?: string[] | undefined;
  missingPermissions?: string[] | undefined;
}

export type CapabilityStates = Record<CapabilityId, CapabilityState>;

export const CapabilityStateSchema = v.object({
  status: v.picklist(CAPABILITY_STATUSES),
  missingScopes: v.optional(v.array(v.string())),
  missingPermissions: v.optional(v.array(v.string())),
});

/** The runtime check of the states the worker sends to the panel and the options page. */
export const CapabilityStatesSchema = v.object(
  Object.fromEntries(CAPABILITY_IDS.map((id) => [id, CapabilityStateSchema])) as Record<
    CapabilityId,
    typeof CapabilityStateSchema
  >,
);
