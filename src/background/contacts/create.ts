/**
 * "Create contact" from the card (External Contacts): the agent's small form becomes one
 * `POST /api/v2/externalcontacts/contacts`, and the contact it returns becomes the conversation's
 * card record (the CRM service's `adopt`: remembered for the address; the contacts service then
 * associates it with the conversation when `associateContact` is on, and the call log writes its
 * note to it). Owns each conversation's `newContact` view. Chrome-free (index.ts wires it).
 *
 * Invariants:
 *  - Only while `createContact` is `on` (shared/capabilities.ts: External Contacts, enabled by an
 *    admin, scope and permission granted); otherwise nothing is sent (`contact-off`).
 *  - At most one contact per conversation: a submit while one is saving (a double click), or after
 *    one was created for it (a late retry), sends nothing.
 *  - A phone that is not E.164 after `toE164` with the CRM's default country, an email without
 *    `name@domain`, or no name at all never reaches Genesys: the form's error at once.
 *  - Every request goes through the worker's one REST client (its limiter), at `other` priority.
 *  - `present()` keeps a view's identity while its `newContact` is unchanged (the relay's diff).
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { CapabilityState } from '../../shared/capabilities';
import { EMAIL_SHAPE } from '../../shared/contact-form';
import type { ConversationView, NewContactView } from '../../shared/domain';
import { toE164 } from '../../shared/phone';
import { type Reason, reason } from '../../shared/reasons';
import type { Api } from '../genesys/rest';
import { createFailure } from './create-failure';

/** What the card's form sends (protocol.ts `contactCreate`, trimmed by its schema). */
export interface NewContactForm {
  firstName: string;
  lastName: string;
  phone?: string | undefined;
  email?: string | undefined;
  title?: string | undefined;
}

export const CONTACTS_PATH = '/api/v2/externalcontacts/contacts';

/**
 * The request body from the form: the phone as the contact's cell phone (a caller's number is
 * mostly a mobile; every phone field is searched by the reverse lookup), the email as its work
 * email (the card's email mapping reads that one first). Empty fields are left out.
 */
export function contactBody(
  form: NewContactForm,
  defaultCountry: string | undefined,
): { body: Models.ExternalContact } | { error: Reason } {
  const firstName = form.firstName.trim();
  const lastName = form.lastName.trim();
  if (!firstName && !lastName) return { error: reason('contact-name-required') };
  const body: Models.ExternalContact = {};
  if (firstName) body.firstName = firstName;
  if (lastName) body.lastName = lastName;
  const phone = form.phone?.trim();
  if (phone) {
    const e164 = toE164(phone, defaultCountry || undefined);
    if (!e164) return { error: reason('contact-invalid-phone', { phone }) };
    body.cellPhone = { display: phone, e164 } satisfies Models.PhoneNumber;
  }
  const email = form.email?.trim();
  if (email) {
    if (!EMAIL_SHAPE.test(email)) return { error: reason('contact-invalid-email', { email }) };
    body.workEmail = email;
  }
  const title = form.title?.trim();
  if (title) body.title = title;
  return { body };
}

export interface ContactCreatorDeps {
  getApi(): Api | undefined;
  /** `createContact`'s state (the capability tracker's). */
  capability(): CapabilityState;
  /** ISO country for phone numbers typed without a country code (the CRM settings' default country). */
  defaultCountry(): Promise<string | undefined>;
  /** The created contact becomes the conversation's card record (crm/service.ts `adopt`). */
  adopt(conversationId: string, contact: Models.ExternalContact): void;
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}

export class ContactCreator {
  private readonly states = new Map<string, NewContactView>();
  /** Conversations that got their contact: a repeated submit sends nothing. */
  private readonly created = new Set<string>();
  private readonly memo = new Map<
    string,
    { src: ConversationView; state: NewContactView; out: ConversationView }
  >();
  /** Bumped on sign-out: an answer for a previous session is dropped. */
  private epoch = 0;

  constructor(private readonly deps: ContactCreatorDeps) {}

  async create(conversationId: string, form: NewContactForm): Promise<void> {
    if (this.states.get(conversationId)?.status === 'saving' || this.created.has(conversationId)) return;
    const api = this.deps.getApi();
    if (!api) return; // signed out: the panel offers sign-in, not the form
    if (this.deps.capability().status !== 'on') return this.set(conversationId, reason('contact-off'));
    this.states.set(conversationId, { status: 'saving' }); // before the first await: one in flight
    const epoch = this.epoch;
    const built = contactBody(form, await this.deps.defaultCountry().catch(() => undefined));
    if (epoch !== this.epoch) return;
    if ('error' in built) return this.set(conversationId, built.error);
    this.deps.onChange();
    try {
      const made = await api.request<Models.ExternalContact>('POST', CONTACTS_PATH, built.body, {
        priority: 'other',
      });
      if (epoch !== this.epoch) return;
      this.created.add(conversationId);
      this.states.delete(conversationId);
      this.deps.log?.('contact-created', { phone: !!built.body.cellPhone, email: !!built.body.workEmail });
      this.deps.adopt(conversationId, made);
      this.deps.onChange();
    } catch (err) {
      if (epoch !== this.epoch) return;
      const why = createFailure(err, form);
      this.deps.log?.('contact-create-failed', { code: why.code });
      this.set(conversationId, why);
    }
  }

  /** Each conversation with its form's state; states of conversations gone are dropped. */
  present<V extends readonly ConversationView[]>(views: V): V {
    const ids = new Set(views.map((v) => v.id));
    for (const id of this.states.keys()) if (!ids.has(id)) this.states.delete(id);
    for (const id of this.memo.keys()) if (!ids.has(id)) this.memo.delete(id);
    for (const id of this.created) if (!ids.has(id)) this.created.delete(id);
    if (this.states.size === 0) return views;
    return views.map((v) => this.decorate(v)) as unknown as V;
  }

  /** Sign-out or another agent: nothing of the previous session stays. */
  reset(): void {
    this.epoch += 1;
    this.states.clear();
    this.created.clear();
    this.memo.clear();
  }

  private decorate(v: ConversationView): ConversationView {
    const state = this.states.get(v.id);
    if (!state) return v;
    const hit = this.memo.get(v.id);
    if (hit && hit.src === v && hit.state === state) return hit.out;
    const out = { ...v, newContact: state };
    this.memo.set(v.id, { src: v, state, out });
    return out;
  }

  private set(id: string, error: Reason): void {
    this.states.set(id, { status: 'failed', error });
    this.deps.onChange();
  }
}
