/**
 * Service-worker entry. Every listener is registered synchronously at the top level, so an event
 * that wakes an evicted worker is delivered; the Worker restores its state from storage.
 */
import browser from 'webextension-polyfill';
import { reinjectAfterInstall } from './inject';
import { Worker } from './worker';

const worker = new Worker();

// After an install or update, open Genesys tabs get the new panel without a page reload.
browser.runtime.onInstalled.addListener((details) => void reinjectAfterInstall(details.reason));
browser.runtime.onStartup.addListener(() => undefined);
browser.alarms.onAlarm.addListener((alarm) => void worker.onAlarm(alarm.name));
browser.runtime.onConnect.addListener((port) => worker.onConnect(port));
browser.storage.onChanged.addListener((changes, area) => void worker.onStorageChanged(changes, area));
// Keyboard shortcuts (manifest `commands`, rebindable at chrome://extensions/shortcuts): relayed to the tab's panel.
const onCommand = (command: string, tab?: { id?: number }) => void worker.onCommand(command, tab?.id);
browser.commands.onCommand.addListener(onCommand);
// The same handler, reachable from e2e (Playwright cannot press browser-level extension shortcuts).
(globalThis as { cuecardOnCommand?: typeof onCommand }).cuecardOnCommand = onCommand;
