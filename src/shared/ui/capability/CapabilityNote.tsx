/**
 * An `unavailable` capability's one sentence (shared/capability-text.ts) where its button would be;
 * nothing for any other state. Used by the panel and the options page (imports from no context).
 */
import type { CapabilityId, CapabilityState } from '../../capability-states';
import { capabilityUnavailableText } from '../../capability-text';

export function CapabilityNote({ id, state }: { id: CapabilityId; state: CapabilityState | undefined }) {
  const text = capabilityUnavailableText(state);
  return text ? (
    <p class="capability-note" data-testid={`capability-${id}-unavailable`}>
      {text}
    </p>
  ) : null;
}
