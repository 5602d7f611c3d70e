/** Vitest setup: no `chrome.i18n` in unit tests, so `t()` formats from the English catalogue. */
import en from '../../public/_locales/en/messages.json';
import { useFallbackMessages } from './i18n';

useFallbackMessages(en);
