/**
 * What each connection status means for the agent's UI, in one table. The connection's watchdog,
 * the panel (greying, sign-in hint), the status bar (its one button) and the popup read it here
 * instead of listing statuses inline, so a new status is decided once.
 *
 * - retriesByItself: the worker keeps (re)connecting on its own; the watchdog may nudge it.
 * - offersSignIn: only the agent can fix it, by signing in.
 * - offersRetry: a Retry button helps (an admin fixed a permission, or to skip the backoff wait).
 * - dataStale: what the panel shows may be out of date (anything but live).
 */
import type { ConnectionStatus } from './domain';

export interface StatusMeaning {
  retriesByItself: boolean;
  offersSignIn: boolean;
  offersRetry: boolean;
  dataStale: boolean;
}

export const STATUS_MEANING: Readonly<Record<ConnectionStatus, StatusMeaning>> = {
  unconfigured: { retriesByItself: false, offersSignIn: false, offersRetry: false, dataStale: true },
  'signed-out': { retriesByItself: false, offersSignIn: true, offersRetry: false, dataStale: true },
  connecting: { retriesByItself: true, offersSignIn: false, offersRetry: false, dataStale: true },
  live: { retriesByItself: true, offersSignIn: false, offersRetry: false, dataStale: false },
  reconnecting: { retriesByItself: true, offersSignIn: false, offersRetry: true, dataStale: true },
  'needs-sign-in': { retriesByItself: false, offersSignIn: true, offersRetry: false, dataStale: true },
  blocked: { retriesByItself: false, offersSignIn: false, offersRetry: true, dataStale: true },
};
