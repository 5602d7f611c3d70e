/**
 * The collapsed panel: a slim tab on the chosen edge. It counts conversations, turns amber while
 * one is waiting to be answered, can be dragged up and down or to the other edge, and moves itself
 * off any of the Genesys UI's own controls it would otherwise cover.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { ConversationView } from '../../shared/domain';
import { formatNumber, plural, t } from '../../shared/i18n';
import { beginDrag } from './drag';
import { Icon } from './icons';
import { findClearTop } from './placement';
import type { Placement } from './prefs';

export const EDGE_TAB = { width: 32, height: 72 } as const;

export function EdgeTab({
  placement,
  conversations,
  coversHostControl,
  onExpand,
  onMove,
}: {
  placement: Placement;
  conversations: ConversationView[];
  coversHostControl?: ((x: number, y: number) => boolean) | undefined;
  onExpand: () => void;
  onMove: (p: Partial<Placement>) => void;
}) {
  const [viewport, setViewport] = useState(() => ({ w: window.innerWidth, h: window.innerHeight }));
  const [dragPos, setDragPos] = useState<{ left: number; top: number } | undefined>();
  const [top, setTop] = useState<number>(() => placement.tabTop * window.innerHeight);
  const alerting = conversations.filter((c) => c.state === 'alerting').length;
  const left = placement.edge === 'left' ? 0 : viewport.w - EDGE_TAB.width;

  useLayoutEffect(() => {
    const onResize = () => setViewport({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  // Where the agent wants it, nudged to the nearest spot that covers none of the host's controls;
  // checked again every few seconds, because the host page changes its own layout.
  useLayoutEffect(() => {
    const place = () => {
      const preferred = placement.tabTop * viewport.h - EDGE_TAB.height / 2;
      const size = { left, width: EDGE_TAB.width, height: EDGE_TAB.height };
      setTop(coversHostControl ? findClearTop(preferred, size, viewport.h, coversHostControl) : preferred);
    };
    place();
    const timer = setInterval(place, 3000);
    return () => clearInterval(timer);
  }, [placement.tabTop, left, viewport.h, coversHostControl]);

  const label = [
    t('showPanel'),
    conversations.length > 0
      ? plural(conversations.length, 'conversationCountOne', 'conversationCountOther')
      : '',
    alerting > 0 ? plural(alerting, 'alertingCountOne', 'alertingCountOther') : '',
  ]
    .filter(Boolean)
    .join(', ');

  const onPointerDown = (e: PointerEvent) => {
    const startLeft = left;
    const startTop = top;
    beginDrag(e, {
      onMove: (_, dx, dy) => setDragPos({ left: startLeft + dx, top: startTop + dy }),
      onEnd: (up, dragged) => {
        setDragPos(undefined);
        if (!dragged) return;
        const h = window.innerHeight;
        onMove({
          edge: up.clientX < window.innerWidth / 2 ? 'left' : 'right',
          tabTop: Math.min(1, Math.max(0, (startTop + (up.clientY - e.clientY) + EDGE_TAB.height / 2) / h)),
        });
      },
    });
  };

  const pos = dragPos ?? { left, top };
  return (
    <aside class="edge" aria-label={t('appName')}>
      <button
        type="button"
        class={`edge-tab ${placement.edge}${alerting > 0 ? ' alerting' : ''}${dragPos ? ' dragging' : ''}`}
        style={{ left: `${pos.left}px`, top: `${pos.top}px` }}
        aria-expanded="false"
        aria-label={label}
        title={t('showPanel')}
        data-testid="edge-tab"
        data-edge={placement.edge}
        onPointerDown={onPointerDown}
        onClick={onExpand}
      >
        <Icon name="logo" />
        {conversations.length > 0 ? (
          <span class="badge" data-testid="edge-count" aria-hidden="true">
            {formatNumber(conversations.length)}
          </span>
        ) : null}
      </button>
    </aside>
  );
}
