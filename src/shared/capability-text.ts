/**
 * How a capability's state shows to the agent, the one rule every client uses (the panel's dial
 * buttons, the options page): `on` → offered; `off` and `checking` → not offered (no button that
 * could fail); `unavailable` → one sentence with the admin's fix, "Unavailable: add the scope X to
 * the OAuth client and the permission Y to the agent's role". Pure (i18n through `t`).
 */
import type { CapabilityState } from './capability-states';
import { t, uiLocale } from './i18n';

/** Whether the action is offered at all. */
export function capabilityOffered(state: CapabilityState | undefined): boolean {
  return state?.status === 'on';
}

const list = (items: readonly string[]) => new Intl.ListFormat(uiLocale(), { type: 'unit' }).format(items);

/** The sentence for an `unavailable` capability; undefined for any other state. */
export function capabilityUnavailableText(state: CapabilityState | undefined): string | undefined {
  if (state?.status !== 'unavailable') return undefined;
  const scopes = state.missingScopes ?? [];
  const permissions = state.missingPermissions ?? [];
  if (scopes.length > 0 && permissions.length > 0)
    return t('capabilityUnavailableBoth', [list(scopes), list(permissions)]);
  if (scopes.length > 0) return t('capabilityUnavailableScopes', list(scopes));
  return t('capabilityUnavailablePermissions', list(permissions));
}
