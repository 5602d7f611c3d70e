/**
 * The agent's conversations over REST: `GET /api/v2/conversations`, every page. Genesys pages the
 * listing (`ConversationEntityListing`: `nextUri`, else `pageNumber` < `pageCount`); a reconcile
 * against the first page only would end every conversation beyond it as a ghost.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { pathOf } from '../genesys/paging';
import type { Api, CallOptions } from '../genesys/rest';

export const LISTING_PATH = '/api/v2/conversations';
/** Pages followed at most (25 a page: 250 conversations, far beyond one agent's). */
export const MAX_PAGES = 10;

/** The next page's path, from `nextUri` (relative or absolute) or the page counts; undefined at the end. */
export function nextPage(page: Models.ConversationEntityListing): string | undefined {
  if (page.nextUri) return pathOf(page.nextUri);
  const n = page.pageNumber ?? 1;
  if (page.pageCount !== undefined && n < page.pageCount) {
    const size = page.pageSize ? `pageSize=${page.pageSize}&` : '';
    return `${LISTING_PATH}?${size}pageNumber=${n + 1}`;
  }
  return undefined;
}

/** Every page's entities, in order. Throws if a page fails: a partial listing is no truth to reconcile with. */
export async function listConversations(api: Api, call?: CallOptions): Promise<Models.Conversation[]> {
  const all: Models.Conversation[] = [];
  let path: string | undefined = LISTING_PATH;
  for (let i = 0; path && i < MAX_PAGES; i++) {
    const page: Models.ConversationEntityListing = await api.request('GET', path, undefined, call);
    all.push(...(page.entities ?? []));
    path = nextPage(page);
  }
  return all;
}
