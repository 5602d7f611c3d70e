/**
 * Content script: mounts the panel in an open shadow root (open so tests and assistive tech can
 * reach it) on a host element that takes no space in the page's layout.
 */
import { render } from 'preact';
import { Panel } from './panel/Panel';
import css from './panel/panel.css?inline';
import { createPanelStore } from './panel/store';
import { linkPanel } from './port-client';

const HOST_TAG = 'cuecard-root';

function mount(): void {
  if (document.querySelector(HOST_TAG)) return; // injected twice (extension reload): keep one
  const host = document.createElement(HOST_TAG);
  // Fixed and zero-sized: the page's own layout never moves or reflows because of us.
  host.setAttribute(
    'style',
    'all: initial !important; position: fixed !important; top: 0 !important; right: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483000 !important;',
  );
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  const container = document.createElement('div');
  root.append(container);
  document.documentElement.append(host);

  const store = createPanelStore();
  const link = linkPanel(store);
  render(<Panel store={store} link={link} />, container);
}

mount();
