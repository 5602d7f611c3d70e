import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { restCall } from '../conversations/test-fixtures';
import type { Api } from '../genesys/rest';
import { LISTING_PATH, listConversations, MAX_PAGES, nextPage } from './listing';

/** A fake REST client answering the listing's pages, recording every path asked. */
function pagedApi(
  pages: Models.ConversationEntityListing[],
  byPath: (path: string) => number,
): Api & { paths: string[] } {
  const paths: string[] = [];
  return {
    paths,
    async request<T>(_m: string, path: string): Promise<T> {
      paths.push(path);
      return pages[byPath(path)] as T;
    },
    async head() {
      return 200;
    },
  };
}

const page = (n: number, of: number, o: Partial<Models.ConversationEntityListing> = {}) =>
  ({
    entities: [restCall({ id: `conv-${n}`, state: 'connected' })],
    pageSize: 1,
    pageNumber: n,
    pageCount: of,
    total: of,
    ...o,
  }) satisfies Models.ConversationEntityListing;

describe('the conversations listing follows every page', () => {
  it('by nextUri (relative or absolute)', async () => {
    const pages = [
      page(1, 3, { nextUri: '/api/v2/conversations?pageSize=1&pageNumber=2' }),
      page(2, 3, { nextUri: 'https://api.mypurecloud.ie/api/v2/conversations?pageSize=1&pageNumber=3' }),
      page(3, 3),
    ];
    const api = pagedApi(pages, (p) => Number(/pageNumber=(\d+)/.exec(p)?.[1] ?? 1) - 1);
    const all = await listConversations(api);
    expect(all.map((c) => c.id)).toEqual(['conv-1', 'conv-2', 'conv-3']);
    expect(api.paths).toEqual([
      LISTING_PATH,
      '/api/v2/conversations?pageSize=1&pageNumber=2',
      '/api/v2/conversations?pageSize=1&pageNumber=3',
    ]);
  });

  it('by pageNumber and pageCount when there is no nextUri; at most MAX_PAGES', async () => {
    expect(nextPage(page(1, 2))).toBe('/api/v2/conversations?pageSize=1&pageNumber=2');
    expect(nextPage(page(2, 2))).toBeUndefined();
    expect(nextPage({ entities: [] })).toBeUndefined();
    const thousand = Array.from({ length: 1_000 }, (_, i) => page(i + 1, 1_000));
    const endless = pagedApi(thousand, (p) => Number(/pageNumber=(\d+)/.exec(p)?.[1] ?? 1) - 1);
    expect(await listConversations(endless)).toHaveLength(MAX_PAGES);
    expect(endless.paths).toHaveLength(MAX_PAGES);
  });
});
