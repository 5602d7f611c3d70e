/**
 * Click-to-dial in the panel: a phone number as a button that places a call as the agent, and the
 * small dial box (a number, optionally a queue to call on behalf of). Both follow the capability's
 * state (shared/capability-text.ts): offered only when `clickToDial` is `on`; `unavailable` shows
 * the admin's fix in the box's place, never a button that fails. While a call is being placed its
 * button says so; a failure is one sentence with what to do (the worker's `dial-*` reason).
 */
import { useState } from 'preact/hooks';
import { capabilityOffered } from '../../shared/capability-text';
import { t } from '../../shared/i18n';
import { reasonText } from '../../shared/reasons';
import { CapabilityNote } from '../../shared/ui/capability/CapabilityNote';
import { useStore } from '../../shared/ui/use-store';
import type { PanelLink } from '../port-client';
import type { PanelStoreApi } from './store';

interface DialProps {
  store: PanelStoreApi;
  link: PanelLink;
}

/** A number that calls when clicked (plain text when dialing is not offered). */
export function DialButton({
  store,
  link,
  number,
  contactId,
}: DialProps & { number: string; contactId?: string | undefined }) {
  const offered = useStore(store, (s) => capabilityOffered(s.capabilities?.clickToDial));
  const placing = useStore(store, (s) => s.calls?.placing);
  if (!offered) return <>{number}</>;
  return (
    <button
      type="button"
      class="dial-number"
      data-testid="dial-number"
      disabled={placing !== undefined}
      aria-label={t('dialCall', number)}
      onClick={() => link.send(contactId ? { type: 'dial', number, contactId } : { type: 'dial', number })}
    >
      {placing === number ? t('dialPlacing') : number}
    </button>
  );
}

/** The dial box and the last failure, below the status. */
export function DialBox({ store, link }: DialProps) {
  const state = useStore(store, (s) => s.capabilities?.clickToDial);
  const calls = useStore(store, (s) => s.calls);
  const [number, setNumber] = useState('');
  const [queueId, setQueueId] = useState('');
  if (!capabilityOffered(state)) return <CapabilityNote id="clickToDial" state={state} />;
  const queues = calls?.queues ?? [];
  const placing = calls?.placing !== undefined;
  return (
    <form
      class="crm-search dial-box"
      data-testid="dial-box"
      onSubmit={(e) => {
        e.preventDefault();
        const n = number.trim();
        if (n) link.send(queueId ? { type: 'dial', number: n, queueId } : { type: 'dial', number: n });
      }}
    >
      <input
        type="tel"
        value={number}
        maxLength={40}
        aria-label={t('dialBoxLabel')}
        placeholder={t('dialBoxLabel')}
        data-testid="dial-input"
        onInput={(e) => setNumber((e.currentTarget as HTMLInputElement).value)}
      />
      {queues.length > 0 ? (
        <select
          value={queueId}
          aria-label={t('dialQueueLabel')}
          data-testid="dial-queue"
          onChange={(e) => setQueueId((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('dialAsMyself')}</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
      ) : null}
      <button type="submit" class="crm-button" data-testid="dial-call" disabled={placing}>
        {placing && calls?.placing === number.trim() ? t('dialPlacing') : t('dialButton')}
      </button>
      {calls?.failed ? (
        <p class="dial-error" role="alert" data-testid="dial-error">
          {reasonText(calls.failed.error)}
        </p>
      ) : null}
    </form>
  );
}
