/** The roster's words: each roster status's label and tone (tokens.css colour), in one table. */
import type { MessageKey } from '../shared/i18n';
import { t } from '../shared/i18n';
import type { RosterSort, RosterStatus } from './roster';

export const STATUS_LABELS: Record<
  RosterStatus,
  { key: MessageKey; tone: 'ok' | 'queue' | 'warn' | 'muted' }
> = {
  available: { key: 'teamStatusAvailable', tone: 'ok' },
  interacting: { key: 'teamStatusInteracting', tone: 'queue' },
  notResponding: { key: 'teamStatusNotResponding', tone: 'warn' },
  idleNotJoined: { key: 'teamStatusIdleNotJoined', tone: 'muted' },
  offQueue: { key: 'teamStatusOffQueue', tone: 'muted' },
  offline: { key: 'teamStatusOffline', tone: 'muted' },
};

export const statusText = (s: RosterStatus): string => t(STATUS_LABELS[s].key);

export const SORT_LABELS: Record<RosterSort, MessageKey> = {
  name: 'teamSortName',
  longest: 'teamSortLongest',
  shortest: 'teamSortShortest',
};
