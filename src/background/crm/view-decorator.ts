/**
 * The views clients get: each conversation with its CRM card and its allow-listed participant
 * data, never its raw attributes. An unchanged conversation keeps its object identity (same
 * source view, same card, same settings version), so the relay's diff sends only what changed.
 */
import type { CrmAttributeRule } from '../../shared/crm/settings';
import type { ConversationView, CrmView } from '../../shared/domain';
import { participantData } from './participant-data';

interface Decorated {
  src: ConversationView;
  crm: CrmView | undefined;
  version: number;
  out: ConversationView;
}

export class ViewDecorator {
  private decorated = new Map<string, Decorated>();

  /** Forgets the conversations that are gone. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of [...this.decorated.keys()]) if (!ids.has(id)) this.decorated.delete(id);
  }

  /** `version` changes with the settings: every view is decorated again. */
  decorate(
    v: ConversationView,
    crm: CrmView | undefined,
    version: number,
    rules: readonly CrmAttributeRule[],
  ): ConversationView {
    const hit = this.decorated.get(v.id);
    if (hit && hit.src === v && hit.crm === crm && hit.version === version) return hit.out;
    // Raw attributes stay in the worker: only allow-listed ones reach clients, labelled.
    const { attributes: _raw, ...rest } = v;
    const out: ConversationView = { ...rest };
    if (crm) out.crm = crm;
    const pd = participantData(v, rules);
    if (pd) out.participantData = pd;
    this.decorated.set(v.id, { src: v, crm, version, out });
    return out;
  }
}
