/**
 * One call-log activity: what Cuecard writes to the CRM once per conversation leg (media,
 * direction, queue, start, duration, the Genesys wrap-up code and notes, the agent's notes, the
 * conversation id), built from the conversation as the panel last showed it and the agent's leg as
 * REST gives it; and its two renderings: External Contacts' note text and the REST CRM template's
 * values. Pure.
 */
import type { LogPlaceholder } from '../../shared/crm/log-template';
import type { MediaType } from '../../shared/domain';
import type { MyLeg } from '../conversations/my-leg';

/** What the service remembers of a conversation while it is shown (the view is gone once it ended). */
export interface Tracked {
  conversationId: string;
  media: MediaType;
  direction?: 'inbound' | 'outbound' | undefined;
  queueName?: string | undefined;
  queueId?: string | undefined;
  address?: string | undefined;
  startedAt: number;
  connectedAt?: number | undefined;
  /** The CRM record the card settled on (one match, or the agent's pick): nothing is logged without one. */
  recordId?: string | undefined;
}

export interface Activity {
  /** `conversationId:legId`: the idempotency key (one activity per leg, ever). */
  key: string;
  conversationId: string;
  recordId: string;
  media: MediaType;
  direction?: 'inbound' | 'outbound' | undefined;
  queue?: string | undefined;
  address?: string | undefined;
  /** ISO 8601. */
  startTime: string;
  endTime?: string | undefined;
  durationSeconds: number;
  wrapupCode?: string | undefined;
  wrapupNotes?: string | undefined;
  notes: string;
  agentId: string;
  agentName?: string | undefined;
}

/** External Contacts' note text is 1–32,000 characters; the agent's notes are cut well before. */
export const MAX_NOTES_CHARS = 4_000;

export function buildActivity(input: {
  tracked: Tracked;
  recordId: string;
  leg: MyLeg;
  wrapupName?: string | undefined;
  notes: string;
  agent: { id: string; name?: string | undefined };
  now: number;
}): Activity {
  const { tracked: t, leg } = input;
  const start = t.connectedAt ?? leg.startedAt ?? t.startedAt;
  const end = leg.endedAt ?? input.now;
  return {
    key: `${t.conversationId}:${leg.legId}`,
    conversationId: t.conversationId,
    recordId: input.recordId,
    media: t.media,
    direction: t.direction,
    queue: t.queueName ?? leg.queueName ?? t.queueId ?? leg.queueId,
    address: t.address,
    startTime: new Date(start).toISOString(),
    endTime: leg.endedAt === undefined ? undefined : new Date(leg.endedAt).toISOString(),
    durationSeconds: Math.max(0, Math.round((end - start) / 1000)),
    wrapupCode: leg.wrapup ? (input.wrapupName ?? leg.wrapup.name ?? leg.wrapup.code) : undefined,
    wrapupNotes: leg.wrapup?.notes,
    notes: input.notes.slice(0, MAX_NOTES_CHARS),
    agentId: input.agent.id,
    agentName: input.agent.name,
  };
}

/** `mm:ss` or `h:mm:ss`. */
function duration(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * External Contacts' note: plain text, one fact a line, English labels (a note is read by anyone
 * in the org, in any language; the values are what Genesys and the agent wrote). The last line
 * carries the idempotency key, so a retry after an unknown outcome finds a note already written.
 */
export function noteText(a: Activity): string {
  const lines = [
    `Cuecard: ${a.media}${a.direction ? ` (${a.direction})` : ''}${a.queue ? `, queue ${a.queue}` : ''}`,
    `Start: ${a.startTime}, duration ${duration(a.durationSeconds)}`,
  ];
  if (a.wrapupCode) lines.push(`Wrap-up: ${a.wrapupCode}${a.wrapupNotes ? `: ${a.wrapupNotes}` : ''}`);
  if (a.notes.trim()) lines.push(`Notes: ${a.notes.trim()}`);
  lines.push(`Conversation: ${a.conversationId}`, keyMarker(a.key));
  return lines.join('\n');
}

export const keyMarker = (key: string) => `[cuecard:${key}]`;

/** Values of the REST CRM's URL and body templates. */
export function activityValues(a: Activity): (name: string) => string | undefined {
  const values: Record<LogPlaceholder, string | undefined> = {
    conversationId: a.conversationId,
    recordId: a.recordId,
    media: a.media,
    direction: a.direction,
    queue: a.queue,
    startTime: a.startTime,
    endTime: a.endTime,
    durationSeconds: String(a.durationSeconds),
    wrapupCode: a.wrapupCode,
    wrapupNotes: a.wrapupNotes,
    notes: a.notes,
    agentId: a.agentId,
    agentName: a.agentName,
    address: a.address,
    idempotencyKey: a.key,
  };
  return (name) => values[name as LogPlaceholder];
}
