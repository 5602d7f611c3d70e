/**
 * Participant data (IVR/Architect attributes) the card may show: only the admin's allow-list,
 * labelled, in its order. Raw attributes never leave the worker. Pure.
 */
import type { CrmAttributeRule } from '../../shared/crm/settings';
import type { ConversationView, CrmLabeled } from '../../shared/domain';
import { textOf } from './mapping';

export function participantData(
  v: ConversationView,
  rules: readonly CrmAttributeRule[],
): CrmLabeled[] | undefined {
  const attrs = v.attributes;
  if (!attrs || rules.length === 0) return undefined;
  const out = rules.flatMap((r) => {
    const value = Object.hasOwn(attrs, r.name) ? textOf(attrs[r.name]) : undefined;
    return value ? [{ label: r.label || r.name, value }] : [];
  });
  return out.length > 0 ? out : undefined;
}
