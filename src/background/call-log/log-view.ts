/** Small pure pieces of the card's call log: the record a card settled on, and a queue item as a status. */
import type { CallLogView, ConversationView } from '../../shared/domain';
import type { QueueItem } from './queue';

/** The record the card settled on: one match, or the agent's pick. */
export function recordOf(v: ConversationView): string | undefined {
  const crm = v.crm;
  if (crm?.status !== 'found' || crm.selected === undefined) return undefined;
  return crm.records[crm.selected]?.id;
}

export function statusOf(i: QueueItem): CallLogView['status'] {
  if (i.state === 'written') return 'logged';
  if (i.state === 'failed') return 'failed';
  return i.error ? 'retrying' : 'writing';
}
