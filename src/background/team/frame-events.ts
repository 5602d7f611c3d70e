/**
 * The frames the team listens to, as roster events (roster.ts). Pure. Presence and routing status
 * are mapped to Genesys' keys (`ON_QUEUE`), the form REST's answers are mapped to (snapshot.ts), so
 * an event and a snapshot of the same status compare equal.
 */
import { enumKey } from '../../shared/format';
import type { Frame } from '../genesys/frames';
import type { RosterEvent } from './roster';

export function eventsOf(f: Frame, at: number): RosterEvent[] {
  switch (f.kind) {
    case 'presence':
      return [{ kind: 'presence', userId: f.userId, presence: enumKey(f.systemPresence), at, date: f.date }];
    case 'routing-status':
      return [{ kind: 'routing-status', userId: f.userId, status: enumKey(f.status), at, date: f.date }];
    case 'activity': {
      const out: RosterEvent[] = [];
      if (f.systemPresence)
        out.push({
          kind: 'presence',
          userId: f.userId,
          presence: enumKey(f.systemPresence),
          at,
          date: f.presenceDate,
        });
      if (f.status)
        out.push({
          kind: 'routing-status',
          userId: f.userId,
          status: enumKey(f.status),
          at,
          date: f.statusDate,
        });
      return out;
    }
    case 'queue-member':
      return [{ kind: 'queue-member', queueId: f.queueId, userId: f.memberId, joined: f.joined, at }];
    case 'queue-observation': {
      const { queueId, group, waiting, interacting } = f;
      return [{ kind: 'counts', queueId, group, waiting, interacting }];
    }
    default:
      return [];
  }
}
