/**
 * The org's wrap-up codes (`GET /api/v2/routing/wrapupcodes`): a fixed list, ids derived from the
 * names (`nameUuid('wrapup-code:<name>')`, so `DEFAULT_WRAPUP_CODE` is the first one). There are more
 * codes (27) than the API's default page (25), so a client that reads only the first page misses some.
 * Every queue offers all of them [?] (real queues are assigned a subset).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { nameUuid } from '../ids';
import { HOME_DIVISION } from './snapshot-leg';

const CREATED = '2025-05-01T08:00:00.000Z';

export const WRAPUP_CODE_NAMES = [
  'Default Wrap-up Code',
  'Sale',
  'No sale',
  'Question answered',
  'Issue resolved',
  'Escalated to tier 2',
  'Callback scheduled',
  'Billing question',
  'Refund issued',
  'Order status',
  'Order placed',
  'Order cancelled',
  'Address change',
  'Password reset',
  'Technical support',
  'Complaint',
  'Compliment',
  'Wrong number',
  'Customer hung up',
  'Transferred',
  'Voicemail left',
  'Follow-up needed',
  'Appointment booked',
  'Appointment cancelled',
  'Survey declined',
  'Spam',
  'Other',
] as const;

export type WrapupCodeName = (typeof WRAPUP_CODE_NAMES)[number];

/** The id of a wrap-up code by its name. */
export const wrapupCodeId = (name: WrapupCodeName): string => nameUuid(`wrapup-code:${name}`);

export const WRAPUP_CODES: readonly Models.WrapupCode[] = WRAPUP_CODE_NAMES.map((name) => {
  const id = wrapupCodeId(name);
  return {
    id,
    name,
    division: {
      id: HOME_DIVISION.id,
      name: HOME_DIVISION.name,
      selfUri: `/api/v2/authorization/divisions/${HOME_DIVISION.id}`,
    },
    dateCreated: CREATED,
    dateModified: CREATED,
    selfUri: `/api/v2/routing/wrapupcodes/${id}`,
  };
});

const BY_ID = new Map(WRAPUP_CODES.map((c) => [c.id, c]));

export function wrapupCode(id: string): Models.WrapupCode | undefined {
  return BY_ID.get(id);
}
