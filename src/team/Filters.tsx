/**
 * The roster's filters as plain form controls (a labelled select per choice, a search box): each
 * is one Tab stop, changes apply as the agent types or picks, and nothing needs a pointer.
 */
import { t } from '../shared/i18n';
import type { TeamQueueView } from '../shared/team-view';
import { SORT_LABELS, statusText } from './labels';
import { ROSTER_STATUSES, type RosterFilter, type RosterSort, type RosterStatus, SORTS } from './roster';

export function Filters({
  filter,
  queues,
  onChange,
}: {
  filter: RosterFilter;
  queues: readonly TeamQueueView[];
  onChange: (f: Partial<RosterFilter>) => void;
}) {
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <search class="filters" aria-label={t('teamFilters')} data-testid="team-filters">
      <label>
        {t('teamFilterQueue')}
        <select
          data-testid="filter-queue"
          value={filter.queueId}
          onChange={(e) => onChange({ queueId: value(e) })}
        >
          <option value="">{t('teamFilterAllQueues')}</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('teamFilterStatus')}
        <select
          data-testid="filter-status"
          value={filter.status}
          onChange={(e) => onChange({ status: value(e) as RosterStatus | '' })}
        >
          <option value="">{t('teamFilterAllStatuses')}</option>
          {ROSTER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusText(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('teamSearch')}
        <input
          type="search"
          data-testid="filter-search"
          value={filter.search}
          autocomplete="off"
          onInput={(e) => onChange({ search: value(e) })}
        />
      </label>
      <label>
        {t('teamSort')}
        <select
          data-testid="filter-sort"
          value={filter.sort}
          onChange={(e) => onChange({ sort: value(e) as RosterSort })}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(SORT_LABELS[s])}
            </option>
          ))}
        </select>
      </label>
    </search>
  );
}
