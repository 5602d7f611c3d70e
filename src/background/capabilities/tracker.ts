/**
 * The capabilities' states in the worker (Chrome-free; index.ts gives it storage and settings).
 * Owns the token's grants: the scopes (`GET /api/v2/tokens/me`, read once per token by the session's
 * idle check) and the permissions (`users/me?expand=authorization`, read by the feed's identify on
 * every (re)connect: no call of its own). The meaning of each state is shared/capabilities.ts'.
 *
 * Invariants:
 *  - States are `checking` (not `on`) for a capability with needs until both grants are known.
 *  - Sign-out forgets the grants (the next agent's may differ); a worker eviction does not (they
 *    are kept in storage.session, like the token they belong to).
 *  - `states()` keeps its identity while nothing changed, so the relay's diff skips it.
 */
import {
  type CapabilitySettings,
  type CapabilityStates,
  capabilityStates,
  defaultCapabilities,
  type Grants,
} from '../../shared/capabilities';
import type { CrmConnectorKind } from '../../shared/crm/settings';

export interface StoredGrants {
  scopes?: string[] | undefined;
  permissions?: string[] | undefined;
}

export interface GrantsStore {
  load(): Promise<StoredGrants>;
  save(g: StoredGrants): Promise<void>;
}

export interface TrackerDeps {
  store: GrantsStore;
  onChange(): void;
}

export class CapabilityTracker {
  private grants: StoredGrants = {};
  private enabled: CapabilitySettings = defaultCapabilities();
  private connector: CrmConnectorKind | undefined;
  private memo: CapabilityStates | undefined;

  constructor(private readonly deps: TrackerDeps) {}

  async restore(): Promise<void> {
    this.grants = await this.deps.store.load();
    this.changed();
  }

  /** The admin's choices and the CRM connector (policy already merged in). */
  configure(enabled: CapabilitySettings, connector: CrmConnectorKind | undefined): void {
    this.enabled = enabled;
    this.connector = connector;
    this.changed();
  }

  /** The token's authorized scopes (tokens/me); undefined when unknown. */
  setScopes(scopes: readonly string[] | undefined): void {
    this.setGrants({ ...this.grants, scopes: scopes ? [...scopes] : undefined });
  }

  /** The role's permissions (users/me?expand=authorization); undefined when unknown. */
  setPermissions(permissions: readonly string[] | undefined): void {
    this.setGrants({ ...this.grants, permissions: permissions ? [...permissions] : undefined });
  }

  /** Sign-out: the grants belonged to the token that is gone. */
  reset(): void {
    this.setGrants({});
  }

  get known(): Grants | undefined {
    const { scopes, permissions } = this.grants;
    return scopes && permissions ? { scopes, permissions } : undefined;
  }

  states(): CapabilityStates {
    this.memo ??= capabilityStates(this.enabled, this.connector, this.known);
    return this.memo;
  }

  private setGrants(g: StoredGrants): void {
    if (same(g.scopes, this.grants.scopes) && same(g.permissions, this.grants.permissions)) return;
    this.grants = g;
    void this.deps.store.save(g);
    this.changed();
  }

  private changed(): void {
    const before = this.memo;
    this.memo = undefined;
    const after = this.states();
    if (!before || JSON.stringify(before) !== JSON.stringify(after)) this.deps.onChange();
    else this.memo = before;
  }
}

function same(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));
}
