/**
 * Subscribes a component to a slice of the vanilla store. Used instead of zustand's React hook,
 * which pulls `preact/compat` into the content script (it must stay within its bundle budget).
 * Re-renders only when the selected value changes (`Object.is`).
 */
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

export function useStore<S, T>(store: StoreApi<S>, selector: (s: S) => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = selector(store.getState());
  const latest = useRef({ selector, value });
  latest.current = { selector, value };
  useLayoutEffect(() => {
    const check = () => {
      const { selector: sel, value: shown } = latest.current;
      if (!Object.is(sel(store.getState()), shown)) rerender(0);
    };
    check(); // it may have changed between render and subscription
    return store.subscribe(check);
  }, [store]);
  return value;
}
