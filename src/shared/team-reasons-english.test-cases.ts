/**
 * The team view's reason codes with parameters and the sentence an English-speaking agent reads
 * (part of reasons.test.ts's table, kept beside the team view so that file stays small).
 */
import { type Reason, reason } from './reasons';

export const TEAM_ENGLISH: [Reason, string][] = [
  [
    reason('team-missing-scope', { scope: ['presence:readonly', 'users:readonly'] }),
    'The team view needs the OAuth scope presence:readonly, users:readonly. Ask an admin to add it to the client in Admin → Integrations → OAuth, then sign in again.',
  ],
  [
    reason('team-missing-permission', { permission: ['routing:queue:view'] }),
    'The team view needs the permission routing:queue:view in your Genesys Cloud role. Ask an admin to add it.',
  ],
  [
    reason('team-topics-rejected', { permission: ['analytics:queueObservation:view'] }),
    'Some live updates of the team view were refused (missing analytics:queueObservation:view): what they would show may be out of date.',
  ],
  [
    reason('team-counts-only', { queues: ['Support', 'Sales'], limit: 1000 }),
    'Too many members to follow live (a channel carries 1000 topics): the largest queues (Support, Sales) show counts only.',
  ],
  [
    reason('team-failed', { detail: '503 service.unavailable' }),
    'The team view could not be refreshed (503 service.unavailable); it shows the last known state and tries again.',
  ],
  [
    reason('team-join-failed', { detail: 'missing routing:queue:join' }),
    'Joining or leaving the queue failed (missing routing:queue:join).',
  ],
  [
    reason('team-join-failed', { detail: { word: 'not-your-queue' } }),
    'Joining or leaving the queue failed (not one of your queues).',
  ],
  [
    reason('team-join-failed', { detail: { word: 'join-off' } }),
    'Joining or leaving the queue failed (joining queues is not available).',
  ],
  [
    reason('team-join-failed', { detail: { word: 'signed-out' } }),
    'Joining or leaving the queue failed (not signed in).',
  ],
  [
    reason('team-join-missing-permission', {
      permission: ['routing:queue:join', 'routing:queueMember:manage'],
    }),
    'Cannot join or leave the queue: your role is missing routing:queue:join or routing:queueMember:manage. Ask an admin to add it to your role.',
  ],
  [
    reason('team-join-missing-scope', { scope: 'routing' }),
    'Cannot join or leave the queue: the OAuth client is missing the scope routing. Ask an admin to add it in Admin → Integrations → OAuth, then sign in again.',
  ],
  [
    reason('team-subscribe-refused', { detail: '400 bad.request' }),
    'Live updates of the team view were refused (400 bad.request): it shows the last known state, not live, until the next reconnect or change of your queues.',
  ],
  [
    reason('team-topics-refused', { topics: 3, members: 2 }),
    'Genesys Cloud refused 3 live updates of the team view without naming a permission: 2 members are not followed live, their statuses come from the next snapshot.',
  ],
  [
    reason('team-pick-missing-permission', { permission: ['routing:queue:view'] }),
    'Adding other queues is unavailable: add the permission routing:queue:view to your Genesys Cloud role.',
  ],
  [
    reason('team-pick-failed', { detail: '503 service.unavailable' }),
    'The list of queues could not be read (503 service.unavailable).',
  ],
];
