/**
 * The lead's queue picker on the full team page (shared/team-queues.ts): "Add queues…" opens a
 * list of the org's queues, read from the worker ONCE per opening (never polled), to check the
 * queues to show beside the lead's own. The lead's own queues are listed checked and fixed (they
 * always stay). The name filter narrows the list as the lead types; when the list was cut at
 * MAX_LISTED, Search asks Genesys again with the filter (`*text*`). Without `routing:queue:view`
 * the page says which permission to add instead of offering it.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { reasonText } from '../shared/reasons';
import { MAX_LISTED, type PickedQueue, type TeamQueueListResult } from '../shared/team-queues';
import type { TeamView } from '../shared/team-view';

export interface PickerActions {
  listQueues(name?: string): Promise<TeamQueueListResult | undefined>;
  selectQueue(queue: PickedQueue, selected: boolean): void;
}

const PICKER_ID = 'cc-queue-picker';

export function QueuePicker({ view, actions }: { view: TeamView; actions: PickerActions }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<TeamQueueListResult | 'loading' | undefined>();
  const [text, setText] = useState('');
  /** Checks sent and not yet in the view (the worker's snapshot follows). */
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const own = new Set(view.queues.filter((q) => !q.selected).map((q) => q.id));
  const shown = new Set(view.queues.filter((q) => q.selected).map((q) => q.id));
  useEffect(() => {
    setPending((p) => {
      const left = Object.entries(p).filter(([id, on]) => shown.has(id) !== on);
      return left.length === Object.keys(p).length ? p : Object.fromEntries(left);
    });
  }, [view.queues]);

  if (view.pickUnavailable)
    return (
      <p class="hint" data-testid="pick-unavailable">
        {reasonText(view.pickUnavailable)}
      </p>
    );
  if (!view.canPick) return null;
  const read = (name?: string) => {
    setList('loading');
    void actions.listQueues(name).then(setList, () => setList(undefined));
  };
  const toggle = () => {
    if (!open) read(); // once per opening: the picker's list is never polled
    setOpen(!open);
  };
  const needle = text.trim().toLowerCase();
  const queues = typeof list === 'object' && list.ok ? list.queues : [];
  const matching = needle ? queues.filter((q) => q.name.toLowerCase().includes(needle)) : queues;
  return (
    <div class="picker">
      <button
        type="button"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={PICKER_ID}
        data-testid="add-queues"
        onClick={toggle}
      >
        {t('teamAddQueues')}
      </button>
      {open ? (
        <section
          id={PICKER_ID}
          class="picker-list"
          aria-labelledby={`${PICKER_ID}-title`}
          data-testid="queue-picker"
        >
          <h2 id={`${PICKER_ID}-title`} class="picker-title">
            {t('teamPickerTitle')}
          </h2>
          <label>
            {t('teamPickerFilter')}
            <input
              type="search"
              autocomplete="off"
              data-testid="picker-filter"
              value={text}
              onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {typeof list === 'object' && list.truncated ? (
            <p class="hint" data-testid="picker-truncated">
              {t('teamPickerTruncated', MAX_LISTED)}{' '}
              <button type="button" onClick={() => read(needle ? `*${needle}*` : undefined)}>
                {t('teamPickerSearch')}
              </button>
            </p>
          ) : null}
          <div role="status" class="hint">
            {list === 'loading'
              ? t('teamPickerLoading')
              : typeof list === 'object' && !list.ok && list.error
                ? reasonText(list.error)
                : typeof list === 'object' && matching.length === 0
                  ? t('teamPickerNone')
                  : ''}
          </div>
          <ul class="picker-queues">
            {matching.map((q) => {
              const mine = own.has(q.id);
              const checked = mine || (pending[q.id] ?? shown.has(q.id));
              return (
                <li key={q.id}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid="pick-queue"
                      data-queue-id={q.id}
                      checked={checked}
                      disabled={mine}
                      onChange={() => {
                        setPending((p) => ({ ...p, [q.id]: !checked }));
                        actions.selectQueue(q, !checked);
                      }}
                    />
                    {mine ? t('teamPickerOwn', q.name) : q.name}
                  </label>
                </li>
              );
            })}
          </ul>
          <button type="button" data-testid="picker-close" onClick={() => setOpen(false)}>
            {t('teamPickerClose')}
          </button>
        </section>
      ) : null}
    </div>
  );
}
