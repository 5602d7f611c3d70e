import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Alarms } from 'webextension-polyfill';
import { syncWatchdog, WATCHDOG_ALARM, WATCHDOG_PERIOD_MIN } from './watchdog';

const alarms = fakeBrowser.alarms as unknown as Alarms.Static;

describe('the watchdog alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('exists while signed in, with a 30 s period, and only once however often it is synced', async () => {
    await syncWatchdog(alarms, true);
    await syncWatchdog(alarms, true);
    const all = await alarms.getAll();
    expect(all.map((a) => a.name)).toEqual([WATCHDOG_ALARM]);
    expect(all[0]?.periodInMinutes).toBe(WATCHDOG_PERIOD_MIN);
  });

  it('is gone once signed out, and never created while signed out', async () => {
    await syncWatchdog(alarms, false);
    expect(await alarms.getAll()).toEqual([]);
    await syncWatchdog(alarms, true);
    await syncWatchdog(alarms, false);
    expect(await alarms.get(WATCHDOG_ALARM)).toBeUndefined();
  });
});
