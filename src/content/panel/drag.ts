/**
 * Pointer dragging with capture: `onMove` once the pointer has travelled past a few pixels,
 * `onEnd(dragged)` on release. A press that never moved is a click, left to the click handler.
 */
export interface DragHandlers {
  onMove(e: PointerEvent, dx: number, dy: number): void;
  onEnd(e: PointerEvent, dragged: boolean): void;
}

const THRESHOLD = 4;

export function beginDrag(down: PointerEvent, handlers: DragHandlers): void {
  if (down.button !== 0) return;
  const el = down.currentTarget as HTMLElement;
  const x0 = down.clientX;
  const y0 = down.clientY;
  let dragged = false;
  try {
    el.setPointerCapture(down.pointerId);
  } catch {
    // Not capturable (synthetic events in tests): moves still arrive while over the element.
  }
  const move = (e: PointerEvent) => {
    const dx = e.clientX - x0;
    const dy = e.clientY - y0;
    if (!dragged && Math.hypot(dx, dy) < THRESHOLD) return;
    dragged = true;
    handlers.onMove(e, dx, dy);
  };
  const end = (e: PointerEvent) => {
    el.removeEventListener('pointermove', move);
    el.removeEventListener('pointerup', end);
    el.removeEventListener('pointercancel', end);
    handlers.onEnd(e, dragged);
    if (dragged) {
      // The click that follows a drag is not a click (capture listeners run first at the target).
      const swallow = (c: Event) => c.stopImmediatePropagation();
      el.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => el.removeEventListener('click', swallow, true), 0);
    }
  };
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
}
