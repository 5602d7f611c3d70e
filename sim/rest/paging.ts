/**
 * `pageSize`/`pageNumber` paging of the listings Genesys pages by number (queues, queue members,
 * the activity query): the requested page, a 400 above the endpoint's maximum page size, and the
 * relative page URIs that keep the other query parameters.
 */
import { sendError } from '../http';
import type { ApiRequestContext } from './auth';

export interface Page<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  /** Whether entities follow this page. */
  more: boolean;
  /** `path?…&pageSize&pageNumber=n`, keeping the request's other parameters. */
  uri(n: number): string;
}

function positiveInt(v: string | null): number | undefined {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * One page of `all`: `pageSize` (default `defaultSize`, above `maxSize` a 400 `bad.request`, answered
 * here: then undefined), `pageNumber` from 1.
 */
export function pageOf<T>(
  c: ApiRequestContext,
  all: readonly T[],
  defaultSize: number,
  maxSize: number,
): Page<T> | undefined {
  const q = c.url.searchParams;
  const asked = q.get('pageSize');
  const pageSize = asked === null ? defaultSize : positiveInt(asked);
  if (pageSize === undefined || pageSize > maxSize) {
    sendError(c.res, 400, 'bad.request', 'The page size {pageSize} is not between 1 and {max}', {
      pageSize: String(asked),
      max: String(maxSize),
    });
    return undefined;
  }
  const pageNumber = positiveInt(q.get('pageNumber')) ?? 1;
  const start = (pageNumber - 1) * pageSize;
  const uri = (n: number) => {
    const u = new URLSearchParams(q);
    u.set('pageSize', String(pageSize));
    u.set('pageNumber', String(n));
    return `${c.info.path}?${u}`;
  };
  return {
    entities: all.slice(start, start + pageSize),
    pageSize,
    pageNumber,
    more: start + pageSize < all.length,
    uri,
  };
}

/** A numbered page with its totals and links, as Genesys' `…EntityListing`/`…Listing` bodies carry them. */
export interface TotalsPage<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  firstUri: string;
  lastUri: string;
  selfUri: string;
  nextUri?: string;
  previousUri?: string;
}

/**
 * Page `pageNumber` of `all` with totals and `uri(n)` links. `emptyPageCount`: what an empty listing
 * says its page count is (0, or 1 as External Contacts do); `clampPrevious`: a page past the end
 * links back to the last page (the conversations listing), not to the page before it.
 */
export function totalsPage<T>(
  all: readonly T[],
  pageSize: number,
  pageNumber: number,
  uri: (n: number) => string,
  o: { emptyPageCount?: 0 | 1; clampPrevious?: boolean } = {},
): TotalsPage<T> {
  const pageCount = Math.max(o.emptyPageCount ?? 0, Math.ceil(all.length / pageSize));
  const listing: TotalsPage<T> = {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total: all.length,
    pageCount,
    firstUri: uri(1),
    lastUri: uri(Math.max(1, pageCount)),
    selfUri: uri(pageNumber),
  };
  if (pageNumber < pageCount) listing.nextUri = uri(pageNumber + 1);
  if (pageNumber > 1)
    listing.previousUri = uri(
      o.clampPrevious ? Math.min(pageNumber - 1, Math.max(1, pageCount)) : pageNumber - 1,
    );
  return listing;
}
