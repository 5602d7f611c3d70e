/**
 * Service-worker entry. Every listener is registered synchronously at the top level, so an event
 * that wakes an evicted worker is delivered; the Background restores its state from storage.
 */
import browser from 'webextension-polyfill';
import { Background } from './app';
import { reinjectAfterInstall } from './inject';
import { closeSettingsToContentScripts } from './storage-access';

void closeSettingsToContentScripts();
const background = new Background();

// After an install or update, open Genesys tabs get the new panel without a page reload.
browser.runtime.onInstalled.addListener((details) => void reinjectAfterInstall(details.reason));
browser.runtime.onStartup.addListener(() => undefined);
browser.alarms.onAlarm.addListener((alarm) => void background.onAlarm(alarm.name));
browser.runtime.onConnect.addListener((port) => background.onConnect(port));
browser.storage.onChanged.addListener((changes, area) => void background.onStorageChanged(changes, area));
// Keyboard shortcuts (manifest `commands`, rebindable at chrome://extensions/shortcuts): relayed to the tab's panel.
const onCommand = (command: string, tab?: { id?: number }) => void background.onCommand(command, tab?.id);
browser.commands.onCommand.addListener(onCommand);
// The same handler, reachable from e2e (Playwright cannot press browser-level extension shortcuts).
(globalThis as { cuecardOnCommand?: typeof onCommand }).cuecardOnCommand = onCommand;
