/**
 * REST External Contacts, writing: associate a conversation with a contact, contact notes (create and
 * list), contact creation. Bodies and permissions per the SDK (shared/docs/genesys-team-and-actions.md
 * C.3, all [S]); the state lives in sim/org/external-contacts.ts.
 *
 * - `PUT /externalcontacts/conversations/{cid}` answers 202 with no body; from then on the customer
 *   participant carries `externalContactId` in events and REST.
 * - Notes: `noteText` 1–32,000 characters and `createdBy.id` (a user of the org) are required (400).
 * - Listing notes pages like every Genesys listing: `pageSize` ≤ 100 (default 20),
 *   `pageSize × pageNumber` ≤ 1,000, `sortOrder` `createDate:asc` (default) or `createDate:desc`.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { isRecord, parseJson, sendEmpty, sendError, sendJson } from '../http';
import { contactName, EMAIL_FIELDS, type NoteRecord, PHONE_FIELDS } from '../org/external-contacts';
import type { MediaType } from '../types';
import { type ApiRequestContext, requireAnyPermission } from './auth';
import { CONTACT_VIEW } from './external-contacts';
import { totalsPage } from './paging';

const ASSOCIATE = ['externalContacts:conversation:associate', 'relate:conversation:associate'];
const CONTACT_EDIT = ['externalContacts:contact:edit', 'relate:contact:edit'];
const CONTACT_ADD = ['externalContacts:contact:add', 'relate:contact:add'];

/** `ConversationAssociation.mediaType` of each simulated media. */
const ASSOCIATION_MEDIA: Record<MediaType, string> = {
  call: 'CALL',
  callback: 'CALLBACK',
  chat: 'CHAT',
  message: 'MESSAGE',
  email: 'EMAIL',
};
const NOTE_MAX_CHARS = 32_000;
const NOTES_PAGE_MAX = 100;
const NOTES_PAGE_DEFAULT = 20;
const LISTING_WINDOW = 1_000;

async function jsonBody(c: ApiRequestContext): Promise<Record<string, unknown> | undefined> {
  try {
    const body = parseJson(await c.body());
    if (isRecord(body)) return body;
  } catch {
    // answered below
  }
  sendError(c.res, 400, 'bad.request', 'The request body could not be parsed as a JSON object');
  return undefined;
}

const badRequest = (c: ApiRequestContext, message: string, params: Record<string, string> = {}) =>
  sendError(c.res, 400, 'bad.request', message, params);

/** PUT /api/v2/externalcontacts/conversations/{conversationId} (ConversationAssociation). */
export async function associateConversation(c: ApiRequestContext, [cid = '']: string[]) {
  if (!requireAnyPermission(c, ASSOCIATE)) return;
  const body = await jsonBody(c);
  if (!body) return;
  const a = body as Partial<Models.ConversationAssociation>;
  for (const field of ['conversationId', 'communicationId', 'mediaType'] as const) {
    if (typeof a[field] !== 'string' || a[field] === '')
      return badRequest(c, 'The field {field} is required', { field });
  }
  if (a.conversationId !== cid) return badRequest(c, 'The body conversationId does not match the path');
  const conv = c.core.conversations.get(cid);
  if (!conv) return sendError(c.res, 404, 'not.found', 'The conversation {id} was not found', { id: cid });
  if (!conv.participants.some((p) => p.media.id === a.communicationId))
    return badRequest(c, 'The communication {id} is not part of the conversation', {
      id: String(a.communicationId),
    });
  if (a.mediaType !== ASSOCIATION_MEDIA[conv.media])
    return badRequest(c, 'The mediaType {mediaType} does not match the conversation', {
      mediaType: String(a.mediaType),
    });
  const contactId = typeof a.externalContactId === 'string' ? a.externalContactId : undefined;
  if (contactId !== undefined && !c.core.externalContacts.get(contactId))
    return sendError(c.res, 404, 'not.found', 'The external contact {id} was not found', { id: contactId });
  c.core.externalContacts.recordAssociation({
    conversationId: cid,
    communicationId: String(a.communicationId),
    mediaType: String(a.mediaType),
    externalContactId: contactId,
    userId: c.user.id,
  });
  c.core.conversations.act(cid, { type: 'associate', externalContactId: contactId });
  sendEmpty(c.res, 202);
}

/** POST /api/v2/externalcontacts/contacts/{contactId}/notes (Note). */
export async function createNote(c: ApiRequestContext, [contactId = '']: string[]) {
  if (!requireAnyPermission(c, CONTACT_EDIT)) return;
  const body = await jsonBody(c);
  if (!body) return;
  if (!c.core.externalContacts.get(contactId))
    return sendError(c.res, 404, 'not.found', 'The external contact {id} was not found', { id: contactId });
  const text = body.noteText;
  if (typeof text !== 'string' || text.length < 1 || text.length > NOTE_MAX_CHARS)
    return badRequest(c, 'noteText must be 1 to {max} characters', { max: String(NOTE_MAX_CHARS) });
  const by = isRecord(body.createdBy) ? body.createdBy.id : undefined;
  if (typeof by !== 'string' || by === '') return badRequest(c, 'The field createdBy.id is required');
  if (!c.core.users.get(by)) return badRequest(c, 'createdBy.id {id} is not a user of the org', { id: by });
  sendJson(c.res, 200, c.core.externalContacts.addNote(contactId, text, by));
}

function pageParam(v: string | null, fallback: number): number | undefined {
  if (v === null) return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** GET /api/v2/externalcontacts/contacts/{contactId}/notes (NoteListing). */
export function listNotes(c: ApiRequestContext, [contactId = '']: string[]) {
  if (!requireAnyPermission(c, CONTACT_VIEW)) return;
  if (!c.core.externalContacts.get(contactId))
    return sendError(c.res, 404, 'not.found', 'The external contact {id} was not found', { id: contactId });
  const sp = c.url.searchParams;
  const pageSize = pageParam(sp.get('pageSize'), NOTES_PAGE_DEFAULT);
  const pageNumber = pageParam(sp.get('pageNumber'), 1);
  const sortOrder = sp.get('sortOrder') ?? 'createDate:asc';
  if (!pageSize || !pageNumber || pageSize > NOTES_PAGE_MAX)
    return badRequest(c, 'pageSize must be 1..{max} and pageNumber at least 1', {
      max: String(NOTES_PAGE_MAX),
    });
  if (pageSize * pageNumber > LISTING_WINDOW)
    return badRequest(c, 'The product of pageSize and pageNumber must not exceed {max}', {
      max: String(LISTING_WINDOW),
    });
  if (sortOrder !== 'createDate:asc' && sortOrder !== 'createDate:desc')
    return badRequest(c, 'sortOrder must be createDate:asc or createDate:desc');
  const all = c.core.externalContacts.notesOf(contactId);
  if (sortOrder === 'createDate:desc') all.reverse();
  const base = `/api/v2/externalcontacts/contacts/${contactId}/notes`;
  const uri = (n: number) => `${base}?pageSize=${pageSize}&pageNumber=${n}&sortOrder=${sortOrder}`;
  const listing: Omit<Models.NoteListing, 'entities'> & { entities: NoteRecord[] } = totalsPage(
    all,
    pageSize,
    pageNumber,
    uri,
    { emptyPageCount: 1 },
  );
  sendJson(c.res, 200, listing);
}

/** A phone Genesys normalizes to E.164 [?]: `+` and 8–15 digits, North American ones +1 and 10 more. */
function phoneValid(p: Models.PhoneNumber): boolean {
  const raw = p.e164 ?? p.display ?? '';
  const digits = raw.replace(/\D/g, '');
  if (/[a-z]/i.test(raw) || digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return false;
  return !digits.startsWith('1') || digits.length === 11;
}

/**
 * POST /api/v2/externalcontacts/contacts (ExternalContact). A contact needs a first or last name,
 * its phone numbers must normalize to E.164 and its emails be `name@domain` [?] (400 naming the field).
 */
export async function createContact(c: ApiRequestContext) {
  if (!requireAnyPermission(c, CONTACT_ADD)) return;
  const body = await jsonBody(c);
  if (!body) return;
  const contact = body as Models.ExternalContact;
  if (!contactName(contact)) return badRequest(c, 'A contact needs a firstName or a lastName');
  for (const field of PHONE_FIELDS) {
    const p = contact[field];
    if (p && !phoneValid(p))
      return badRequest(c, 'The phone number in {field} is not valid', {
        field,
        value: p.e164 ?? p.display ?? '',
      });
  }
  for (const field of EMAIL_FIELDS) {
    const e = contact[field];
    if (e !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(e)))
      return badRequest(c, 'The email address in {field} is not valid', { field });
  }
  sendJson(c.res, 200, c.core.externalContacts.create(contact));
}
