/**
 * The panel: a header (move, display settings, hide), the agent's status and the connection, one
 * tab per conversation and the selected conversation's detail area — or, collapsed, a slim tab on
 * the edge. It overlays the page on its edge (left or right) and never takes layout space.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { STATUS_MEANING } from '../../shared/connection-status';
import type { ConversationView } from '../../shared/domain';
import { t } from '../../shared/i18n';
import type { ThemeChoice } from '../../shared/theme';
import { useStore } from '../../shared/ui/use-store';
import type { PanelLink } from '../port-client';
import { ConversationDetail } from './ConversationDetail';
import { ConversationTabs } from './ConversationTabs';
import { DialBox } from './Dial';
import { DisplaySettings } from './DisplaySettings';
import { beginDrag } from './drag';
import { EdgeTab } from './EdgeTab';
import { panelLocale } from './labels';
import { PANEL_ID, PanelHeader, SETTINGS_ID } from './PanelHeader';
import { clampWidth, MIN_WIDTH, maxWidthFor, type Placement } from './prefs';
import { StatusBar } from './StatusBar';
import type { PanelStoreApi } from './store';
import { type PanelView, TeamFrame, ViewSwitch } from './team/TeamTab';

export interface PanelProps {
  store: PanelStoreApi;
  link: PanelLink;
  /** Saves a theme the agent picked (the content script writes it to storage.local). */
  onTheme?: ((theme: ThemeChoice) => void) | undefined;
  /** Is there a host-page control at this point? The collapsed tab keeps clear of those. */
  coversHostControl?: ((x: number, y: number) => boolean) | undefined;
  /**
   * Per-conversation content for the detail area, below the conversation's facts: the CRM card
   * (issue 5) plugs in here, e.g. `detailSlot={(c) => <CrmCard conversation={c} link={link} />}`.
   */
  detailSlot?: ((c: ConversationView) => ComponentChildren) | undefined;
}

export function Panel({ store, link, onTheme, coversHostControl, detailSlot }: PanelProps) {
  const conversations = useStore(store, (s) => s.conversations);
  const selectedId = useStore(store, (s) => s.selectedId);
  const placement = useStore(store, (s) => s.placement);
  const theme = useStore(store, (s) => s.theme);
  const announcement = useStore(store, (s) => s.announcement);
  const focusRequest = useStore(store, (s) => s.focusRequest);
  const linked = useStore(store, (s) => s.linked);
  const status = useStore(store, (s) => s.connection.status);
  // The Team view is offered unless an admin turned it off (its page says what else is missing).
  const teamOffered = useStore(store, (s) => !!s.capabilities && s.capabilities.team.status !== 'off');
  const [view, setView] = useState<PanelView>('conversations');
  const showTeam = teamOffered && view === 'team';
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [dragX, setDragX] = useState<number | undefined>();
  const root = useRef<HTMLDivElement>(null);

  // Read while the old DOM is still there: did the agent have focus in the panel before this render?
  const shadow = root.current?.getRootNode() as ShadowRoot | Document | undefined;
  const focusWasInside = useRef(false);
  focusWasInside.current = !!shadow?.activeElement && !!root.current?.contains(shadow.activeElement);
  const lastFocusRequest = useRef(focusRequest);

  useLayoutEffect(() => {
    const requested = focusRequest !== lastFocusRequest.current;
    lastFocusRequest.current = focusRequest;
    const el = root.current;
    if (!el || !(requested || focusWasInside.current)) return;
    if (placement.collapsed) {
      // Focus never jumps into the panel uninvited; it only stays with it when it was already here.
      if (focusWasInside.current) el.querySelector<HTMLElement>('.edge-tab')?.focus();
    } else if (!el.contains((el.getRootNode() as ShadowRoot).activeElement)) {
      // The selected conversation, else the sign-in button, else the hide button.
      const target = ['[role="tab"][aria-selected="true"]', '[data-testid="sign-in"]', '.hide']
        .map((sel) => el.querySelector<HTMLElement>(sel))
        .find(Boolean);
      target?.focus();
    }
  }, [placement.collapsed, focusRequest]);

  const stale = !linked || STATUS_MEANING[status].dataStale;
  const selected = conversations.find((c) => c.id === selectedId) ?? conversations[0];
  const setPlacement = (p: Partial<Placement>) => store.getState().setPlacement(p);
  const chooseTheme = (th: ThemeChoice) => {
    store.getState().setTheme(th);
    onTheme?.(th);
  };

  return (
    <div
      ref={root}
      class="cc-root"
      // The panel's language, which may not be the host page's (screen readers pronounce by it).
      lang={panelLocale()}
      data-theme={theme === 'auto' ? undefined : theme}
      data-edge={placement.edge}
      data-testid="cc-root"
    >
      {placement.collapsed ? (
        <EdgeTab
          placement={placement}
          conversations={conversations}
          coversHostControl={coversHostControl}
          onExpand={() => store.getState().toggleCollapsed()}
          onMove={setPlacement}
        />
      ) : (
        <ExpandedPanel placement={placement} dragX={dragX} onPlacement={setPlacement}>
          <PanelHeader
            edge={placement.edge}
            onDrag={setDragX}
            settingsOpen={settingsOpen}
            onToggleSettings={() => setSettingsOpen(!settingsOpen)}
            onHide={() => store.getState().toggleCollapsed()}
            onEdge={(edge) => setPlacement({ edge })}
          />
          {settingsOpen ? (
            <DisplaySettings
              id={SETTINGS_ID}
              theme={theme}
              edge={placement.edge}
              onTheme={chooseTheme}
              onEdge={(edge) => setPlacement({ edge })}
            />
          ) : null}
          <StatusBar store={store} link={link} />
          {teamOffered ? <ViewSwitch view={view} onView={setView} /> : null}
          {showTeam ? null : <DialBox store={store} link={link} />}
          {showTeam ? (
            <TeamFrame />
          ) : conversations.length > 0 && stale ? (
            <p class="stale-notice" data-testid="stale-notice">
              {linked ? t('staleReconnecting') : t('staleUnlinked')}
            </p>
          ) : null}
          {showTeam ? null : conversations.length === 0 || !selected ? (
            <div class="empty" data-testid="empty" data-status={status}>
              {linked && STATUS_MEANING[status].offersSignIn ? (
                <p class="hint">{t('signedOutHint')}</p>
              ) : (
                <>
                  <p>{t('noConversations')}</p>
                  {status === 'live' ? <p class="hint">{t('noConversationsHint')}</p> : null}
                </>
              )}
            </div>
          ) : (
            <div class="conversations">
              <ConversationTabs
                conversations={conversations}
                selectedId={selected.id}
                stale={stale}
                onSelect={(id) => store.getState().select(id)}
              />
              <ConversationDetail conversation={selected} stale={stale} slot={detailSlot?.(selected)} />
            </div>
          )}
        </ExpandedPanel>
      )}
      {/* Announces each new alerting conversation, whether the panel is open or not. */}
      <div class="sr-only" aria-live="assertive" aria-atomic="true" data-testid="announcer">
        {announcement ? <span key={announcement.seq}>{announcement.text}</span> : null}
      </div>
    </div>
  );
}

function ExpandedPanel({
  placement,
  dragX,
  onPlacement,
  children,
}: {
  placement: Placement;
  /** While the header is dragged: how far the panel follows the pointer. */
  dragX: number | undefined;
  onPlacement: (p: Partial<Placement>) => void;
  children: ComponentChildren;
}) {
  const [viewportWidth, setViewportWidth] = useState(window.innerWidth);
  const [liveWidth, setLiveWidth] = useState<number | undefined>();
  useLayoutEffect(() => {
    const onResize = () => setViewportWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const width = liveWidth ?? clampWidth(placement.width, viewportWidth);
  const max = maxWidthFor(viewportWidth);
  const right = placement.edge === 'right';

  const widthAt = (clientX: number) =>
    clampWidth(right ? window.innerWidth - clientX : clientX, window.innerWidth);
  const onResizeStart = (e: PointerEvent) =>
    beginDrag(e, {
      onMove: (m) => setLiveWidth(widthAt(m.clientX)),
      onEnd: (up, dragged) => {
        setLiveWidth(undefined);
        if (dragged) onPlacement({ width: widthAt(up.clientX) });
      },
    });
  const onResizeKey = (e: KeyboardEvent) => {
    // Arrows move the inner edge; Home/End: narrowest/widest.
    const grow = right ? 'ArrowLeft' : 'ArrowRight';
    const shrink = right ? 'ArrowRight' : 'ArrowLeft';
    const step = e.shiftKey ? 64 : 16;
    const next =
      e.key === grow
        ? width + step
        : e.key === shrink
          ? width - step
          : e.key === 'Home'
            ? MIN_WIDTH
            : e.key === 'End'
              ? max
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onPlacement({ width: clampWidth(next, window.innerWidth) });
  };

  return (
    <aside
      id={PANEL_ID}
      class={dragX === undefined ? `panel ${placement.edge}` : `panel ${placement.edge} dragging`}
      style={{ width: `${width}px`, transform: dragX === undefined ? undefined : `translateX(${dragX}px)` }}
      aria-label={t('appName')}
      data-testid="panel"
      data-edge={placement.edge}
    >
      {children}
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable, valued separator is the ARIA window-splitter pattern; <hr> cannot take focus or a value */}
      <div
        class="resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('resizePanel')}
        aria-controls={PANEL_ID}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={max}
        aria-valuenow={width}
        tabIndex={0}
        data-testid="resize"
        onPointerDown={onResizeStart}
        onKeyDown={onResizeKey}
      />
    </aside>
  );
}
