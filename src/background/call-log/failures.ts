/**
 * Which call-log writes the toolbar popup lists (shared/log-failures.ts): the queue's items that
 * were refused or gave up (`failed`, with Retry) and those waiting for their next try
 * (`retrying`). Pure, Chrome-free; the adapter (index.ts) answers the popup and sets the badge.
 *
 * Invariants:
 *  - Written items, and pending ones with no failure yet (being written now), are not listed.
 *  - The badge counts `failed` only: a retrying write needs nobody, a failed one needs the agent.
 */
import { type LogFailure, MAX_LISTED } from '../../shared/log-failures';
import { isoMs } from '../genesys/dates';
import type { QueueItem } from './queue';

export function logFailures(items: Iterable<QueueItem>): LogFailure[] {
  const out: LogFailure[] = [];
  for (const i of items) {
    if (!i.error || i.state === 'written') continue;
    out.push({
      key: i.key,
      state: i.state === 'failed' ? 'failed' : 'retrying',
      conversationId: i.activity.conversationId,
      address: i.activity.address,
      at: isoMs(i.activity.startTime) ?? i.createdAt,
      reason: i.error,
      nextAt: i.state === 'pending' ? i.nextAt : undefined,
    });
  }
  return out.sort((a, b) => b.at - a.at || a.key.localeCompare(b.key)).slice(0, MAX_LISTED);
}

/** The action badge: how many writes wait for the agent's Retry ('' when none). */
export function badgeText(items: Iterable<QueueItem>): string {
  let failed = 0;
  for (const i of items) if (i.state === 'failed') failed++;
  return failed === 0 ? '' : failed > 99 ? '99+' : String(failed);
}
