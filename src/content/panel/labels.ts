/**
 * The panel's fixed words, asked of chrome.i18n once each: `getMessage` is an extension API call
 * (tens of µs), and a tab used to ask for three of them on every render.
 */
import type { InteractionState, MediaType } from '../../shared/domain';
import { mediaLabel, stateLabel } from '../../shared/format';
import { type MessageKey, type SubstitutionsOf, t, uiLocale } from '../../shared/i18n';

const cache = new Map<string, string>();

function once(key: string, make: () => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

/** A message without placeholders. */
export function fixedText<K extends MessageKey>(key: SubstitutionsOf<K> extends [] ? K : never): string {
  return once(`t:${key}`, () => (t as (k: MessageKey) => string)(key));
}

export const mediaText = (m: MediaType): string => once(`m:${m}`, () => mediaLabel(m));
export const stateText = (s: InteractionState): string => once(`s:${s}`, () => stateLabel(s));
/** The UI language (the page's lifetime: Chrome's UI language does not change under it). */
export const panelLocale = (): string => once('locale', uiLocale);
