/** The one small interface every CRM connector implements, and what a lookup starts from. */
import type { ConversationView, CrmRecord, MediaType } from '../../shared/domain';
import { toE164 } from '../../shared/phone';
import { type Reason, reason } from '../../shared/reasons';
import { reasonEnglish } from '../../shared/reasons-en';

/** What is known about the customer of a conversation when it is looked up. */
export interface LookupKey {
  conversationId: string;
  media: MediaType;
  externalContactId?: string | undefined;
  /** E.164, when the address is a phone number. */
  phone?: string | undefined;
  /** When the address is an email address. */
  email?: string | undefined;
  /** The address as Genesys gave it (a messaging handle when it is neither of the above). */
  address?: string | undefined;
  attributes: Record<string, string>;
}

export interface LookupResult {
  records: CrmRecord[];
  /** The request made (method and URL, never header values): shown by the options page's Test. */
  request?: string | undefined;
  /** Several records: the agent's remembered pick (remembered-picks.ts). */
  selected?: number | undefined;
  remembered?: boolean | undefined;
}

export interface CrmConnector {
  readonly name: string;
  readonly canSearch: boolean;
  /**
   * A stable cache key for this conversation's lookup (same key, same answer), or undefined when
   * there is nothing to look up by (no contact id, no address the CRM can use).
   */
  keyOf(k: LookupKey): string | undefined;
  lookup(k: LookupKey): Promise<LookupResult>;
  search(query: string): Promise<LookupResult>;
}

export type CrmErrorKind =
  | 'signed-out'
  | 'auth'
  | 'permission'
  | 'timeout'
  | 'network'
  | 'down'
  | 'rate-limit'
  | 'mapping'
  | 'config'
  | 'not-found'
  | 'http';

/** A failed lookup, with the reason the card shows the agent (or the admin testing the settings). */
export class CrmError extends Error {
  override name = 'CrmError';
  constructor(
    readonly kind: CrmErrorKind,
    readonly reason: Reason,
  ) {
    super(reasonEnglish(reason)); // for logs; clients render `reason` in the agent's language
  }
}

/** Any failure as a CrmError: an unexpected one becomes a plain "lookup failed" with its message. */
export function asCrmError(e: unknown): CrmError {
  if (e instanceof CrmError) return e;
  return new CrmError(
    'network',
    reason('crm-failed', { detail: e instanceof Error ? e.message : String(e) }),
  );
}

/** Email when the address has an @, E.164 when it reads as a phone number, the raw address always. */
export function lookupKeyOf(v: ConversationView, defaultCountry: string): LookupKey {
  const address = v.customerAddress?.trim() || undefined;
  const email = address?.includes('@') ? address.replace(/^mailto:/i, '').toLowerCase() : undefined;
  return {
    conversationId: v.id,
    media: v.media,
    externalContactId: v.externalContactId || undefined,
    phone: email ? undefined : toE164(address, defaultCountry),
    email,
    address,
    attributes: v.attributes ?? {},
  };
}

/** What the card says was looked up. */
export function describeKey(k: LookupKey): string | undefined {
  return k.phone ?? k.email ?? k.address;
}

/** Values for `{phone}`, `{email}`, `{address}`, `{conversationId}`, `{externalContactId}`, `{attr.NAME}`. */
export function templateValues(k: LookupKey, extra: Record<string, string> = {}) {
  return (name: string): string | undefined => {
    if (name.startsWith('attr.')) return k.attributes[name.slice(5).trim()];
    switch (name) {
      case 'phone':
        return k.phone;
      case 'email':
        return k.email;
      case 'address':
        return k.address;
      case 'conversationId':
        return k.conversationId;
      case 'externalContactId':
        return k.externalContactId;
      default:
        return extra[name];
    }
  };
}
