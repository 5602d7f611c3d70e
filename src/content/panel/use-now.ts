import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs` (0: not ticking, e.g. nothing to time). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (intervalMs <= 0) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
