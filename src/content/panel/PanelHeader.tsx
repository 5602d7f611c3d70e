/**
 * The panel's header: the grip that moves it to the other edge (drag, or ←/→), the brand, the
 * display settings toggle and the hide button.
 */
import { t } from '../../shared/i18n';
import { beginDrag } from './drag';
import { Icon } from './icons';
import type { Edge } from './prefs';

/** The panel's element id (the hide button and the resize handle control it). */
export const PANEL_ID = 'cc-panel';
/** The display settings' element id (the settings toggle controls it). */
export const SETTINGS_ID = 'cc-settings';

export function PanelHeader({
  edge,
  onDrag,
  settingsOpen,
  onToggleSettings,
  onHide,
  onEdge,
}: {
  edge: Edge;
  onDrag: (dx: number | undefined) => void;
  settingsOpen: boolean;
  onToggleSettings: () => void;
  onHide: () => void;
  onEdge: (e: Edge) => void;
}) {
  // Drag the header (or its grip) across: dropped on the other half of the window, the panel moves there.
  const onPointerDown = (e: PointerEvent) => {
    if ((e.target as Element).closest('button:not(.grip)')) return;
    beginDrag(e, {
      onMove: (_, dx) => onDrag(dx),
      onEnd: (up, dragged) => {
        onDrag(undefined);
        if (dragged) onEdge(up.clientX < window.innerWidth / 2 ? 'left' : 'right');
      },
    });
  };
  const onGripKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      onEdge(e.key === 'ArrowLeft' ? 'left' : 'right');
    }
  };
  return (
    <div class="header" onPointerDown={onPointerDown}>
      <button
        type="button"
        class="icon-btn grip"
        aria-label={t('movePanel')}
        title={t('movePanel')}
        aria-keyshortcuts="ArrowLeft ArrowRight"
        data-testid="move"
        data-edge={edge}
        onKeyDown={onGripKey}
      >
        <Icon name="grip" />
      </button>
      <span class="brand">
        <Icon name="logo" class="logo" />
        {t('appName')}
      </span>
      <button
        type="button"
        class="icon-btn"
        aria-expanded={settingsOpen ? 'true' : 'false'}
        aria-controls={settingsOpen ? SETTINGS_ID : undefined}
        aria-label={t('displaySettings')}
        title={t('displaySettings')}
        data-testid="settings-toggle"
        onClick={onToggleSettings}
      >
        <Icon name="gear" />
      </button>
      <button
        type="button"
        class={`icon-btn hide ${edge}`}
        aria-expanded="true"
        aria-controls={PANEL_ID}
        aria-label={t('hidePanel')}
        title={t('hidePanel')}
        data-testid="hide"
        onClick={onHide}
      >
        <Icon name="chevron" />
      </button>
    </div>
  );
}
