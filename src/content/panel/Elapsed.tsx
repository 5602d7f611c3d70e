import { formatElapsed } from '../../shared/format';
import { useNow } from './clock';

/** A live `m:ss` since `from`; only this text re-renders each second. */
export function Elapsed({ from, testId, class: cls }: { from: number; testId?: string; class?: string }) {
  const now = useNow();
  return (
    <span class={cls ? `timer ${cls}` : 'timer'} data-testid={testId}>
      {formatElapsed(now - from)}
    </span>
  );
}
