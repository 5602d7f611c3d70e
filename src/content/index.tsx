/**
 * Content script: mounts the panel in an open shadow root (open so tests and assistive tech can
 * reach it) on a host element that takes no space in the page's layout.
 */
import { render } from 'preact';
import { CrmCard } from '../shared/ui/crm-card/CrmCard';
import crmCss from '../shared/ui/crm-card/crm.css?inline';
import { createHost } from './host';
import { Panel } from './panel/Panel';
import css from './panel/panel.css?inline';
import { hostControlAt } from './panel/placement';
import { renderAtMostOncePerFrame } from './panel/render-scheduler';
import { createPanelStore } from './panel/store';
import { linkPanel } from './port-client';
import { syncPrefs } from './prefs-sync';

const HOST_TAG = 'cuecard-root';

// An event storm must not cost a render per event: at most one per frame interval.
renderAtMostOncePerFrame();

async function mount(): Promise<void> {
  if (document.querySelector(HOST_TAG)) return; // injected twice (extension reload): keep one
  const host = createHost(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css + crmCss;
  root.append(style);
  const container = document.createElement('div');
  root.append(container);

  const store = createPanelStore();
  // Placement and theme first, so the panel appears where the agent left it.
  const prefs = await syncPrefs(store);
  if (document.querySelector(HOST_TAG)) return;
  document.documentElement.append(host);
  const link = linkPanel(store);
  render(
    <Panel
      store={store}
      link={link}
      onTheme={prefs.saveTheme}
      coversHostControl={hostControlAt(host)}
      detailSlot={(c) => <CrmCard conversation={c} link={link} />}
    />,
    container,
  );
}

void mount();
