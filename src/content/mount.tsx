/**
 * Mounts the panel in an open shadow root (open so tests and assistive tech can reach it) on a
 * host element that takes no space in the page's layout. Everything it adds to the page (host,
 * listeners, port, Preact's scheduler) belongs to `life` and leaves when it ends.
 */
import { render } from 'preact';
import { renderAtMostOncePerFrame } from '../shared/ui/render-scheduler';
import { createHost } from './host';
import { lazyComponent } from './lazy';
import type { Lifetime } from './lifetime';
import { DialButton } from './panel/Dial';
import { Panel } from './panel/Panel';
import css from './panel/panel.css?inline';
import { hostControlAt } from './panel/placement';
import { createPanelStore } from './panel/store';
import { linkPanel } from './port-client';
import { syncPrefs } from './prefs-sync';

export const HOST_TAG = 'cuecard-root';

/** Not needed for the first paint: loads when a conversation's detail first shows. */
const CrmSlot = lazyComponent(() => import('./crm-slot').then((m) => m.CrmSlot));

export async function mountPanel(life: Lifetime, doc: Document = document): Promise<void> {
  // An event storm must not cost a render per event: at most one per frame interval.
  life.onEnd(renderAtMostOncePerFrame());
  const host = createHost(HOST_TAG, life.signal);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  const container = doc.createElement('div');
  root.append(container);

  const store = createPanelStore();
  // Placement and theme first, so the panel appears where the agent left it.
  const prefs = await syncPrefs(store, life);
  if (life.signal.aborted) return; // a newer instance took over meanwhile
  // A host still here belongs to a Cuecard too old to hear the takeover: its extension is gone.
  for (const stale of doc.querySelectorAll(HOST_TAG)) stale.remove();
  doc.documentElement.append(host);
  life.onEnd(() => host.remove());
  const link = linkPanel(store, life);
  render(
    <Panel
      store={store}
      link={link}
      onTheme={prefs.saveTheme}
      coversHostControl={hostControlAt(host)}
      detailSlot={(c) => (
        <CrmSlot
          conversation={c}
          link={link}
          store={store}
          dial={(number, recordId) => (
            <DialButton store={store} link={link} number={number} contactId={recordId} />
          )}
        />
      )}
    />,
    container,
  );
  // Unmounting runs every component's cleanup: window listeners, intervals, the shared clock.
  life.onEnd(() => render(null, container));
  await link.ready;
}
