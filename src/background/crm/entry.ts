/** What the CRM service (service.ts) keeps per conversation: its card and how it came about. */
import type { CrmView } from '../../shared/domain';
import type { LookupKey } from './connector';

export interface Entry {
  /** The connector's cache key of the automatic lookup (undefined: nothing to look up by). */
  key: string | undefined;
  lookup: LookupKey;
  view: CrmView;
  /** Bumped by every new lookup or search: late answers of older ones are dropped. */
  seq: number;
  /** Waiting for the agent's session (External Contacts needs it). */
  waiting?: boolean;
  /** The last search, so Retry repeats it. */
  search?: string | undefined;
}
