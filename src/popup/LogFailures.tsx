/**
 * The popup's "Call logs not written": the call-log writes the worker's queue could not make
 * (shared/log-failures.ts), each with who, when and why, and Retry for the failed ones. Most logs
 * are written at wrap-up, after the card is gone, so this is where a refused write is seen.
 *
 * Invariants:
 *  - The worker owns the list: asked on open, every REFRESH_MS while open, and answered again by
 *    each Retry (`logRetryWrite` replies with the new list). Nothing here decides an item's state.
 *  - Keyboard: every action is a native button; after a Retry removes its row, focus goes to the
 *    next row's Retry, else to the section's status line (never lost to the page).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '../shared/i18n';
import type { LogFailure } from '../shared/log-failures';
import { reasonText } from '../shared/reasons';
import type { RequestLink } from '../shared/request-link';

/** A retrying write settles within its backoff (15 s first); the open popup follows it this often. */
export const REFRESH_MS = 10_000;

const when = (ms: number) =>
  new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(ms);

export function LogFailures({ link }: { link: Pick<RequestLink, 'request'> | undefined }) {
  const [items, setItems] = useState<LogFailure[]>([]);
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const [allWritten, setAllWritten] = useState(false);
  const section = useRef<HTMLElement>(null);
  /** Where focus goes once the list a Retry answered is rendered: that row's button, else the one now at its place. */
  const focusAfter = useRef<{ key: string; index: number } | undefined>(undefined);

  useEffect(() => {
    if (!link) return;
    let open = true;
    const load = () =>
      link.request({ type: 'getLogFailures' }).then(
        (m) => open && setItems(m.items),
        () => undefined, // the worker went away: the list stays as it was
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      open = false;
      clearInterval(timer);
    };
  }, [link]);

  useEffect(() => {
    const after = focusAfter.current;
    if (!after) return;
    focusAfter.current = undefined;
    const buttons = [...(section.current?.querySelectorAll<HTMLButtonElement>('button[data-key]') ?? [])];
    const next =
      buttons.find((b) => b.dataset.key === after.key) ?? buttons[Math.min(after.index, buttons.length - 1)];
    if (next) next.focus();
    else section.current?.querySelector<HTMLElement>('[data-testid="log-failures-status"]')?.focus();
  }, [items]);

  const retry = (key: string, index: number) => {
    if (!link || retrying.has(key)) return;
    setRetrying((s) => new Set(s).add(key));
    link
      .request({ type: 'logRetryWrite', key })
      .then(
        (m) => {
          focusAfter.current = { key, index };
          setAllWritten(m.items.length === 0);
          setItems(m.items);
        },
        () => undefined,
      )
      .finally(() =>
        setRetrying((s) => {
          const next = new Set(s);
          next.delete(key);
          return next;
        }),
      );
  };

  if (items.length === 0 && !allWritten) return null;
  return (
    <section
      ref={section}
      class="log-failures"
      aria-labelledby="log-failures-title"
      data-testid="log-failures"
    >
      <h2 id="log-failures-title">{t('popupLogFailuresTitle')}</h2>
      {allWritten && items.length === 0 ? (
        <p class="reason" role="status" tabIndex={-1} data-testid="log-failures-status">
          {t('popupLogAllWritten')}
        </p>
      ) : null}
      <ul>
        {items.map((i) => {
          const index = items.filter((x) => x.state === 'failed').indexOf(i);
          const who = i.address ?? t('popupLogConversation', i.conversationId);
          return (
            <li key={i.key} data-testid="log-failure" data-state={i.state}>
              <div>
                <strong>{who}</strong> · <time dateTime={new Date(i.at).toISOString()}>{when(i.at)}</time>
              </div>
              <div class="log-failure-state">
                {i.state === 'failed' ? t('popupLogFailed') : t('logWillRetry')}
              </div>
              <p class="reason" data-testid="log-failure-reason">
                {reasonText(i.reason)}
              </p>
              {i.state === 'failed' ? (
                <button
                  type="button"
                  data-key={i.key}
                  data-testid="log-failure-retry"
                  aria-label={t('popupLogRetryLabel', who)}
                  disabled={retrying.has(i.key)}
                  onClick={() => retry(i.key, index)}
                >
                  {t('crmRetry')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
