/**
 * Service-worker entry. Every listener is registered synchronously at the top level, so an event
 * that wakes an evicted worker is delivered; the Worker restores its state from storage.
 */
import browser from 'webextension-polyfill';
import { Worker } from './worker';

const worker = new Worker();

browser.runtime.onInstalled.addListener(() => undefined);
browser.runtime.onStartup.addListener(() => undefined);
browser.alarms.onAlarm.addListener((alarm) => void worker.onAlarm(alarm.name));
browser.runtime.onConnect.addListener((port) => worker.onConnect(port));
browser.storage.onChanged.addListener((changes, area) => void worker.onStorageChanged(changes, area));
