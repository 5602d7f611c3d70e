/**
 * REST External Contacts, reading: search (paged), one by id, and the reverse whitepages lookup by
 * email or phone, over the org's contacts (sim/org/external-contacts.ts: the demo customers that are
 * External Contacts, then those created through the API). Writes: external-contacts-write.ts.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { phoneKey } from '../crm/customers';
import { sendError, sendJson } from '../http';
import { contactEmails, contactName, contactPhones } from '../org/external-contacts';
import { type ApiRequestContext, requireAnyPermission } from './auth';
import { totalsPage } from './paging';

export const CONTACT_VIEW = ['externalContacts:contact:view', 'relate:contact:view'];
const VIEW = CONTACT_VIEW;

function contacts(c: ApiRequestContext): Models.ExternalContact[] {
  return c.core.externalContacts.all();
}

export function searchContacts(c: ApiRequestContext) {
  if (!requireAnyPermission(c, VIEW)) return;
  const sp = c.url.searchParams;
  const pageSize = Number(sp.get('pageSize') ?? '20');
  const pageNumber = Number(sp.get('pageNumber') ?? '1');
  if (
    !Number.isInteger(pageSize) ||
    !Number.isInteger(pageNumber) ||
    pageSize < 1 ||
    pageNumber < 1 ||
    pageSize > 200
  ) {
    return sendError(c.res, 400, 'bad.request', 'pageSize must be 1..200 and pageNumber at least 1');
  }
  if (pageSize * pageNumber > 1000) {
    return sendError(
      c.res,
      400,
      'bad.request',
      'The product of pageSize and pageNumber must not exceed {max}',
      { max: '1000' },
    );
  }
  const q = (sp.get('q') ?? '').trim().toLowerCase();
  const qPhone = phoneKey(q);
  const all = contacts(c).filter((x) => {
    if (!q) return true;
    return (
      contactName(x).toLowerCase().includes(q) ||
      contactEmails(x).some((e) => e.includes(q)) ||
      (x.externalOrganization?.name ?? '').toLowerCase().includes(q) ||
      (qPhone.length >= 4 && contactPhones(x).some((p) => p.includes(qPhone)))
    );
  });
  const uri = (n: number) =>
    `/api/v2/externalcontacts/contacts?pageSize=${pageSize}&pageNumber=${n}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
  const listing: Models.ContactListing = totalsPage(all, pageSize, pageNumber, uri, { emptyPageCount: 1 });
  sendJson(c.res, 200, listing);
}

export function getContact(c: ApiRequestContext, [id = '']: string[]) {
  if (!requireAnyPermission(c, VIEW)) return;
  const hit = c.core.externalContacts.get(id);
  if (!hit) return sendError(c.res, 404, 'not.found', 'The external contact {id} was not found', { id });
  sendJson(c.res, 200, hit);
}

/** Exact email (case-insensitive) or phone number (compared digit by digit); at most 25 contacts. */
export function reverseLookup(c: ApiRequestContext) {
  if (!requireAnyPermission(c, VIEW)) return;
  const value = (c.url.searchParams.get('lookupVal') ?? '').trim();
  if (!value) return sendError(c.res, 400, 'bad.request', 'lookupVal is required');
  const email = value.includes('@') ? value.toLowerCase() : undefined;
  const digits = phoneKey(value);
  const hits = contacts(c).filter((x) =>
    email ? contactEmails(x).includes(email) : digits.length >= 7 && contactPhones(x).includes(digits),
  );
  const result: Models.ReverseWhitepagesLookupResult = { contacts: hits.slice(0, 25) };
  sendJson(c.res, 200, result);
}
