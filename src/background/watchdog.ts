/**
 * The watchdog alarm: it renews tokens ahead of expiry (or idling out) and revives a dead socket.
 * It exists exactly while the session holds a token (signed out, nothing wakes the worker).
 * 30 s is Chrome's minimum period since Chrome 120 (the manifest asks for 123, for light-dark());
 * an older Chrome would stretch it to a minute.
 */
import type { Alarms } from 'webextension-polyfill';

export const WATCHDOG_ALARM = 'cuecard.watchdog';
export const WATCHDOG_PERIOD_MIN = 0.5;

/** Creates the alarm when signed in and missing, clears it when signed out and present. */
export async function syncWatchdog(
  alarms: Pick<Alarms.Static, 'get' | 'create' | 'clear'>,
  signedIn: boolean,
): Promise<void> {
  const exists = (await alarms.get(WATCHDOG_ALARM)) !== undefined;
  if (signedIn && !exists) await alarms.create(WATCHDOG_ALARM, { periodInMinutes: WATCHDOG_PERIOD_MIN });
  else if (!signedIn && exists) await alarms.clear(WATCHDOG_ALARM);
}
