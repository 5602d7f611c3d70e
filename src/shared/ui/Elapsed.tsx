import { uiLocale } from '../i18n';
import { useNow } from './clock';

let formatters: { n1: Intl.NumberFormat; n2: Intl.NumberFormat } | undefined;

/**
 * `formatElapsed` (shared/format.ts) with its number formats built once: every timer of the panel
 * formats each second, and building two Intl.NumberFormat (plus asking chrome.i18n for the UI
 * language) per call cost ~0.7 ms, so 200 conversations cost 150 ms a second. Same output (a unit
 * test compares them).
 */
export function elapsedText(ms: number): string {
  formatters ??= {
    n1: new Intl.NumberFormat(uiLocale(), { useGrouping: false }),
    n2: new Intl.NumberFormat(uiLocale(), { minimumIntegerDigits: 2, useGrouping: false }),
  };
  const { n1, n2 } = formatters;
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${n1.format(h)}:${n2.format(m)}:${n2.format(s)}` : `${n1.format(m)}:${n2.format(s)}`;
}

/** A live `m:ss` since `from`; only this text re-renders each second. */
export function Elapsed({ from, testId, class: cls }: { from: number; testId?: string; class?: string }) {
  const now = useNow();
  return (
    <span class={cls ? `timer ${cls}` : 'timer'} data-testid={testId}>
      {elapsedText(now - from)}
    </span>
  );
}
