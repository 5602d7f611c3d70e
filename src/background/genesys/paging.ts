/**
 * A Genesys listing read page by page along its `nextUri` (relative, or absolute on the api host),
 * the one paging every listing offers (the queue members listing offers nothing else: no
 * `pageCount`, [V] forum 9930). Used by the agent's queues (my-queues.ts), the team's snapshot and
 * the lead's queue picker (team/lead-queues.ts); the conversations listing (feed/listing.ts) reads
 * its `nextUri` with `pathOf` too.
 */
import type { Api } from './rest';

/** A path from a `nextUri` (relative, or absolute on the api host). */
export function pathOf(uri: string): string {
  if (!/^https?:/i.test(uri)) return uri;
  const u = new URL(uri);
  return `${u.pathname}${u.search}`;
}

/**
 * Every page's entities from `first` on, `maxPages` pages at most (a server that never ends its
 * chain); `more`: the last page read still had a `nextUri` (the listing was cut there).
 */
export async function readPages<T>(
  api: Api,
  first: string,
  maxPages: number,
): Promise<{ entities: T[]; more: boolean }> {
  const entities: T[] = [];
  let path: string | undefined = first;
  for (let n = 0; path && n < maxPages; n++) {
    const page: { entities?: T[]; nextUri?: string } = await api.request('GET', path);
    entities.push(...(page.entities ?? []));
    path = page.nextUri ? pathOf(page.nextUri) : undefined;
  }
  return { entities, more: path !== undefined };
}

/** Every page's entities from `first` on, `maxPages` pages at most. */
export async function allPages<T>(api: Api, first: string, maxPages: number): Promise<T[]> {
  return (await readPages<T>(api, first, maxPages)).entities;
}
