/** What changed between two panel states, as a protocol patch. Pure; relies on view identity. */
import type { PanelState } from '../../shared/domain';
import type { Patch } from '../../shared/protocol';

export function diffPanel(prev: PanelState, next: PanelState): Patch | undefined {
  const patch: Patch = { type: 'patch' };
  let changed = false;
  if (prev.connection !== next.connection) {
    patch.connection = next.connection;
    changed = true;
  }
  if (prev.agent !== next.agent) {
    patch.agent = next.agent ?? null;
    changed = true;
  }
  if (prev.capabilities !== next.capabilities) {
    patch.capabilities = next.capabilities ?? null;
    changed = true;
  }
  if (prev.calls !== next.calls) {
    patch.calls = next.calls ?? null;
    changed = true;
  }
  const before = new Map(prev.conversations.map((c) => [c.id, c]));
  const upsert = next.conversations.filter((c) => before.get(c.id) !== c);
  const nextIds = new Set(next.conversations.map((c) => c.id));
  const remove = prev.conversations.filter((c) => !nextIds.has(c.id)).map((c) => c.id);
  if (upsert.length > 0) {
    patch.upsert = upsert;
    changed = true;
  }
  if (remove.length > 0) {
    patch.remove = remove;
    changed = true;
  }
  return changed ? patch : undefined;
}
