/**
 * A component whose code loads when it first renders, as its own chunk: for the parts of the
 * panel that its first paint can do without (the CRM card; see scripts/check-bundle.mjs for the
 * first-paint budget). It renders nothing until the chunk is there (a file of the extension's own
 * package: a few milliseconds), then the component; the code loads once per page and a later
 * instance renders it at once. A chunk that fails to load (the extension went away meanwhile)
 * leaves the slot empty: the orphaned panel leaves the page anyway (port-client.ts).
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      let mounted = true;
      loading ??= load().then((c) => {
        loaded = c;
        return c;
      });
      loading.then(
        (c) => mounted && setLoaded(() => c),
        () => undefined,
      );
      return () => {
        mounted = false;
      };
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : null;
  };
}
