/**
 * The card's call log: the agent's notes for this conversation (sent to the worker, which keeps the
 * draft, at most every NOTES_DEBOUNCE_MS while typing and at once when the field loses focus), "Log
 * now", and what the worker says of the write: Logged, Will retry (with why), or the error with
 * Retry. Absent when logging is off; only the admin's fix (the capabilities' one sentence) when it is unavailable.
 * Plain elements and the card's CSS (the content script's size budget).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallLogView } from '../../domain';
import { t } from '../../i18n';
import { reasonText } from '../../reasons';
import { CapabilityNote } from '../capability/CapabilityNote';
import type { CardLink } from './card-link';

/** Same as the worker's (background/call-log/service.ts): one message per half second of typing. */
const NOTES_DEBOUNCE_MS = 500;
const MAX_NOTES = 4_000;
/** The statuses in which the activity, notes included, is already in the write queue. */
const SENT: ReadonlySet<CallLogView['status']> = new Set(['writing', 'retrying', 'logged']);

/**
 * What the agent can do to give the log a record: pick one of several matches, or, with none,
 * search (and create one where the admin allows it).
 */
export type NoRecordHint = 'pick' | 'search' | 'search-or-create';
const NO_RECORD: Record<NoRecordHint, () => string> = {
  pick: () => t('logNoRecord'),
  search: () => t('logNoRecordSearch'),
  'search-or-create': () => t('logNoRecordCreate'),
};

export function CallLog({
  id,
  log,
  link,
  noRecord = 'pick',
}: {
  id: string;
  log: CallLogView;
  link: CardLink;
  noRecord?: NoRecordHint;
}) {
  // The worker's draft fills the field once (a reload); after that the field is the agent's.
  const [notes, setNotes] = useState(log.notes);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | undefined>(undefined);
  const flush = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = undefined;
    link.send({ type: 'logNotes', conversationId: id, text: p.text });
  };
  useEffect(() => flush, []);

  if (log.status === 'unavailable')
    return <CapabilityNote id="callLogging" state={{ ...log, status: 'unavailable' }} />;
  const retry = (
    <button
      type="button"
      class="crm-button"
      data-testid="log-retry"
      onClick={() => link.send({ type: 'logRetry', conversationId: id })}
    >
      {t('crmRetry')}
    </button>
  );
  const status: Partial<Record<CallLogView['status'], preact.ComponentChild>> = {
    'no-record': NO_RECORD[noRecord](),
    writing: t('logWriting'),
    logged: t('logLogged'),
    retrying: t('logWillRetry'),
  };
  // Once the activity is queued its notes are fixed (the write queue sends what it holds, exactly
  // once): further typing would reach no CRM, so the field says so instead of accepting it.
  const sent = SENT.has(log.status);
  return (
    <div class="crm-log crm-attributes" data-testid="call-log" data-status={log.status}>
      <textarea
        rows={3}
        maxLength={MAX_NOTES}
        value={notes}
        readOnly={sent}
        aria-describedby={sent ? `log-sent-${id}` : undefined}
        aria-label={t('logNotesLabel')}
        placeholder={t('logNotesLabel')}
        data-testid="log-notes"
        onInput={(e) => {
          const text = (e.currentTarget as HTMLTextAreaElement).value;
          setNotes(text);
          if (pending.current) clearTimeout(pending.current.timer);
          pending.current = { text, timer: setTimeout(flush, NOTES_DEBOUNCE_MS) };
        }}
        onBlur={flush}
      />
      {sent ? (
        <p class="crm-note" id={`log-sent-${id}`} data-testid="log-sent">
          {t('logNotesSent')}
        </p>
      ) : null}
      {status[log.status] ? (
        <p class="crm-note" role="status" data-testid="log-status">
          {status[log.status]}
        </p>
      ) : null}
      {log.error && (log.status === 'retrying' || log.status === 'failed') ? (
        <p class="crm-error" role="alert" data-testid="log-error">
          {reasonText(log.error)}
        </p>
      ) : null}
      <div class="crm-actions">
        {log.status === 'ready' ? (
          <button
            type="button"
            class="crm-button"
            data-testid="log-now"
            onClick={() => {
              flush();
              link.send({ type: 'logNow', conversationId: id });
            }}
          >
            {t('logNow')}
          </button>
        ) : null}
        {log.status === 'failed' || log.status === 'retrying' ? retry : null}
      </div>
    </div>
  );
}
