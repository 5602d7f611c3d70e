/**
 * REST External Contacts: search (paged), one by id, and the reverse whitepages lookup by email or
 * phone, over the demo customers that are External Contacts.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { phoneKey, toExternalContact } from '../crm/customers';
import { sendError, sendJson } from '../http';
import { type ApiRequestContext, requireAnyPermission } from './auth';

const VIEW = ['externalContacts:contact:view', 'relate:contact:view'];
const CREATED = '2025-06-01T09:00:00.000Z';

function contacts(c: ApiRequestContext) {
  return c.core.customers.filter((x) => x.externalContactId);
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
      x.name.toLowerCase().includes(q) ||
      x.email.toLowerCase().includes(q) ||
      x.company.toLowerCase().includes(q) ||
      (qPhone.length >= 4 && phoneKey(x.phone).includes(qPhone))
    );
  });
  const page = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const uri = (n: number) =>
    `/api/v2/externalcontacts/contacts?pageSize=${pageSize}&pageNumber=${n}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const listing: Models.ContactListing = {
    entities: page.map((x) => toExternalContact(x, CREATED)),
    pageSize,
    pageNumber,
    total: all.length,
    pageCount,
    firstUri: uri(1),
    lastUri: uri(pageCount),
    selfUri: uri(pageNumber),
  };
  if (pageNumber < pageCount) listing.nextUri = uri(pageNumber + 1);
  if (pageNumber > 1) listing.previousUri = uri(pageNumber - 1);
  sendJson(c.res, 200, listing);
}

export function getContact(c: ApiRequestContext, [id = '']: string[]) {
  if (!requireAnyPermission(c, VIEW)) return;
  const hit = contacts(c).find((x) => x.externalContactId === id);
  if (!hit) return sendError(c.res, 404, 'not.found', 'The external contact {id} was not found', { id });
  sendJson(c.res, 200, toExternalContact(hit, CREATED));
}

/** Exact email (case-insensitive) or phone number (compared digit by digit); at most 25 contacts. */
export function reverseLookup(c: ApiRequestContext) {
  if (!requireAnyPermission(c, VIEW)) return;
  const value = (c.url.searchParams.get('lookupVal') ?? '').trim();
  if (!value) return sendError(c.res, 400, 'bad.request', 'lookupVal is required');
  const email = value.includes('@') ? value.toLowerCase() : undefined;
  const digits = phoneKey(value);
  const hits = contacts(c).filter((x) =>
    email ? x.email.toLowerCase() === email : digits.length >= 7 && phoneKey(x.phone) === digits,
  );
  const result: Models.ReverseWhitepagesLookupResult = {
    contacts: hits.slice(0, 25).map((x) => toExternalContact(x, CREATED)),
  };
  sendJson(c.res, 200, result);
}
