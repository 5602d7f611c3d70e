/**
 * The org's External Contacts: the seeded ones (demo customers with an `externalContactId`), the
 * ones created through `POST /api/v2/externalcontacts/contacts`, their notes, and every
 * conversation association made. The one owner of that state; the REST handlers
 * (sim/rest/external-contacts*.ts) read and write it, `truth()` is what e2e asserts against.
 *
 * Invariants: ids are unique across seeded and created contacts; notes and associations are only
 * appended (a test counts them), newest last.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { type DemoCustomer, phoneKey, toExternalContact } from '../crm/customers';

/** The seeded contacts' create/modify date (fixed so payloads are deterministic). */
const SEEDED_DATE = '2025-06-01T09:00:00.000Z';

/** A note as the API answers it; `createdBy` is the reference the request gave (id + selfUri). */
export type NoteRecord = Omit<Models.Note, 'createdBy'> & {
  id: string;
  entityId: string;
  createdBy: Models.DomainEntityRef;
};

/** One `PUT /externalcontacts/conversations/{id}` that was accepted. */
export interface AssociationRecord {
  conversationId: string;
  communicationId: string;
  mediaType: string;
  /** Absent: the call disassociated the conversation. */
  externalContactId?: string;
  /** Who made it (the token's user). */
  userId: string;
  at: string;
}

export interface ExternalContactsTruth {
  created: Models.ExternalContact[];
  notes: NoteRecord[];
  associations: AssociationRecord[];
}

export const PHONE_FIELDS = ['workPhone', 'cellPhone', 'homePhone', 'otherPhone'] as const;
export const EMAIL_FIELDS = ['workEmail', 'personalEmail', 'otherEmail'] as const;

/** Digits of every phone number of the contact (e164, else the display form). */
export function contactPhones(x: Models.ExternalContact): string[] {
  return PHONE_FIELDS.flatMap((f) => {
    const p = x[f];
    const v = p?.e164 ?? p?.display;
    return v ? [phoneKey(v)] : [];
  });
}

export function contactEmails(x: Models.ExternalContact): string[] {
  return EMAIL_FIELDS.flatMap((f) => (x[f] ? [String(x[f]).toLowerCase()] : []));
}

export function contactName(x: Models.ExternalContact): string {
  return [x.firstName, x.lastName].filter(Boolean).join(' ');
}

export class ExternalContactsStore {
  private readonly created: Models.ExternalContact[] = [];
  private readonly notes: NoteRecord[] = [];
  private readonly associations: AssociationRecord[] = [];

  constructor(
    private readonly seeded: () => readonly DemoCustomer[],
    private readonly deps: { now: () => number; newId: () => string; iso: (ms: number) => string },
  ) {}

  /** Seeded contacts first (in seed order), then created ones (oldest first). */
  all(): Models.ExternalContact[] {
    const seeded = this.seeded()
      .filter((c) => c.externalContactId)
      .map((c) => toExternalContact(c, SEEDED_DATE));
    return [...seeded, ...this.created];
  }

  get(id: string): Models.ExternalContact | undefined {
    return this.all().find((x) => x.id === id);
  }

  /** Stores a new contact: the body's fields, a fresh id and dates, phones' e164 filled from display. */
  create(body: Models.ExternalContact): Models.ExternalContact {
    const id = this.deps.newId();
    const at = this.deps.iso(this.deps.now());
    const contact: Models.ExternalContact = {
      ...body,
      id,
      type: body.type ?? 'Curated',
      createDate: at,
      modifyDate: at,
      selfUri: `/api/v2/externalcontacts/contacts/${id}`,
    };
    for (const f of PHONE_FIELDS) {
      const p = contact[f];
      if (p && !p.e164 && p.display) contact[f] = { ...p, e164: `+${phoneKey(p.display)}` };
    }
    this.created.push(contact);
    return contact;
  }

  addNote(contactId: string, noteText: string, createdById: string): NoteRecord {
    const id = this.deps.newId();
    const at = this.deps.iso(this.deps.now());
    const note: NoteRecord = {
      id,
      entityId: contactId,
      entityType: 'contact',
      noteText,
      createDate: at,
      modifyDate: at,
      createdBy: { id: createdById, selfUri: `/api/v2/users/${createdById}` },
      selfUri: `/api/v2/externalcontacts/contacts/${contactId}/notes/${id}`,
    };
    this.notes.push(note);
    return note;
  }

  notesOf(contactId: string): NoteRecord[] {
    return this.notes.filter((n) => n.entityId === contactId);
  }

  recordAssociation(a: Omit<AssociationRecord, 'at'>): void {
    this.associations.push({ ...a, at: this.deps.iso(this.deps.now()) });
  }

  /** Ground truth for tests: everything written, in order (copies). */
  truth(): ExternalContactsTruth {
    return {
      created: this.created.map((x) => ({ ...x })),
      notes: this.notes.map((x) => ({ ...x })),
      associations: this.associations.map((x) => ({ ...x })),
    };
  }
}
