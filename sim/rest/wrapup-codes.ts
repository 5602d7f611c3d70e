/**
 * REST wrap-up codes (shared/docs/genesys-team-and-actions.md C.1, [S]):
 * - `GET /api/v2/routing/wrapupcodes`: `WrapupCodeEntityListing`, ALL `routing:wrapupCode:view`;
 *   `pageSize` (default 25, at most 500), `pageNumber`, `name` (case-insensitive substring),
 *   repeated `id`, `sortBy` `name` (default) or `id`, `sortOrder` `ascending` (default) or `descending`.
 * - `GET /api/v2/routing/wrapupcodes/{codeId}`: one `WrapupCode`, same permission.
 * - `GET /api/v2/conversations/{cid}/participants/{pid}/wrapupcodes`: the codes this participant may
 *   pick (`WrapupCode[]`), no permission listed in the SDK.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { sendError, sendJson } from '../http';
import { WRAPUP_CODES, wrapupCode } from '../org/wrapup-codes';
import { type ApiRequestContext, requireAnyPermission } from './auth';
import { totalsPage } from './paging';

const VIEW = ['routing:wrapupCode:view'];
const PAGE_DEFAULT = 25;
const PAGE_MAX = 500;
const LISTING_PATH = '/api/v2/routing/wrapupcodes';

function positiveInt(v: string | null, fallback: number): number | undefined {
  if (v === null) return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function listWrapupCodes(c: ApiRequestContext) {
  if (!requireAnyPermission(c, VIEW)) return;
  const sp = c.url.searchParams;
  const pageSize = positiveInt(sp.get('pageSize'), PAGE_DEFAULT);
  const pageNumber = positiveInt(sp.get('pageNumber'), 1);
  if (!pageSize || !pageNumber || pageSize > PAGE_MAX)
    return sendError(c.res, 400, 'bad.request', 'pageSize must be 1..{max} and pageNumber at least 1', {
      max: String(PAGE_MAX),
    });
  const name = sp.get('name')?.trim().toLowerCase();
  const ids = sp.getAll('id');
  const sortBy = sp.get('sortBy') === 'id' ? 'id' : 'name';
  const descending = sp.get('sortOrder')?.toLowerCase() === 'descending';
  const all = WRAPUP_CODES.filter(
    (w) => (!name || w.name.toLowerCase().includes(name)) && (ids.length === 0 || ids.includes(w.id ?? '')),
  ).sort((a, b) => String(a[sortBy]).localeCompare(String(b[sortBy])) * (descending ? -1 : 1));
  const uri = (n: number) => {
    const q = new URLSearchParams(sp);
    q.set('pageSize', String(pageSize));
    q.set('pageNumber', String(n));
    return `${LISTING_PATH}?${q}`;
  };
  const listing: Models.WrapupCodeEntityListing = totalsPage(all, pageSize, pageNumber, uri);
  sendJson(c.res, 200, listing);
}

export function getWrapupCode(c: ApiRequestContext, [id = '']: string[]) {
  if (!requireAnyPermission(c, VIEW)) return;
  const code = wrapupCode(id);
  if (!code) return sendError(c.res, 404, 'not.found', 'The wrap-up code {id} was not found', { id });
  sendJson(c.res, 200, code);
}

export function participantWrapupCodes(c: ApiRequestContext, [cid = '', pid = '']: string[]) {
  const conv = c.core.conversations.get(cid);
  if (!conv) return sendError(c.res, 404, 'not.found', 'The conversation {id} was not found', { id: cid });
  if (!conv.participants.some((p) => p.id === pid))
    return sendError(c.res, 404, 'not.found', 'The participant {id} was not found', { id: pid });
  const codes: Models.WrapupCode[] = [...WRAPUP_CODES];
  sendJson(c.res, 200, codes);
}
