/**
 * The options page's "Capabilities": one toggle per capability (shared/capabilities.ts
 * CAPABILITIES), each with what it needs from the org: the OAuth client's scopes and the agents'
 * role permissions (each line: any one of its alternatives). A capability policy sets is locked,
 * like the other policy-locked settings. Toggles save at once (use-capabilities.ts).
 */
import { CAPABILITIES, type CapabilityId, needsOf } from '../../shared/capabilities';
import { type MessageKey, t, uiLocale } from '../../shared/i18n';
import { Problems } from '../Field';
import { useCapabilities } from './use-capabilities';

/** Each capability's name and what it does, in the catalogue. */
const LABELS: Record<CapabilityId, [name: MessageKey, help: MessageKey]> = {
  team: ['capabilityTeam', 'capabilityTeamHelp'],
  queueJoin: ['capabilityQueueJoin', 'capabilityQueueJoinHelp'],
  rememberContact: ['capabilityRememberContact', 'capabilityRememberContactHelp'],
  associateContact: ['capabilityAssociateContact', 'capabilityAssociateContactHelp'],
  callLogging: ['capabilityCallLogging', 'capabilityCallLoggingHelp'],
  createContact: ['capabilityCreateContact', 'capabilityCreateContactHelp'],
  clickToDial: ['capabilityClickToDial', 'capabilityClickToDialHelp'],
};

const anyOf = (alternatives: readonly string[]) =>
  new Intl.ListFormat(uiLocale(), { type: 'disjunction' }).format(alternatives);

export function CapabilitiesSection() {
  const model = useCapabilities();
  return (
    <section
      aria-labelledby="capabilities-title"
      data-testid="capabilities-options"
      data-loaded={model.loaded ? 'true' : 'false'}
    >
      <h2 id="capabilities-title">{t('capabilitiesTitle')}</h2>
      <p class="hint">{t('capabilitiesIntro')}</p>
      {model.errors.map((e) => (
        <p key={e} class="error">
          {e}
        </p>
      ))}
      <ul class="capabilities">
        {CAPABILITIES.map((c) => {
          const needs = needsOf(c.id, model.connector);
          const locked = model.locked.includes(c.id);
          const [name, help] = LABELS[c.id];
          return (
            <li key={c.id} class="capability" data-testid={`capability-${c.id}`}>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={model.enabled[c.id]}
                  disabled={locked || !model.loaded}
                  data-testid={`capability-${c.id}-toggle`}
                  onChange={(e) => void model.set(c.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                {t(name)}
              </label>
              <p class="hint">{t(help)}</p>
              <p class="hint" data-testid={`capability-${c.id}-needs`}>
                {needs.scopes.length + needs.permissions.length === 0 ? (
                  t('capabilityNeedsNothing')
                ) : (
                  <>
                    {needs.scopes.length > 0 ? (
                      <span class="need">
                        {t('capabilityScopes')}{' '}
                        {needs.scopes.map((s, i) => [i > 0 ? ', ' : '', <code key={s}>{s}</code>])}
                      </span>
                    ) : null}
                    {needs.permissions.length > 0 ? (
                      <span class="need">
                        {t('capabilityPermissions')} {needs.permissions.map(anyOf).join('; ')}
                      </span>
                    ) : null}
                  </>
                )}
              </p>
              <Problems name={`capability-${c.id}`} locked={locked} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
