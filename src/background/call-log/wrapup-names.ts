/**
 * Wrap-up code names, looked up once per code and kept for the worker's life (an org has tens of
 * codes; their names change rarely). `GET /api/v2/routing/wrapupcodes/{id}` needs
 * `routing:wrapupCode:view`, which agents often lack; then the codes the participant may pick
 * (`GET /conversations/{cid}/participants/{pid}/wrapupcodes`, no permission) are read instead.
 * No name at all: the activity carries the code's id (activity.ts).
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Api } from '../genesys/rest';

export class WrapupNames {
  private readonly names = new Map<string, string>();

  async name(api: Api, code: string, conversationId: string, legId: string): Promise<string | undefined> {
    const known = this.names.get(code);
    if (known) return known;
    const one = await api
      .request<Models.WrapupCode>(
        'GET',
        `/api/v2/routing/wrapupcodes/${encodeURIComponent(code)}`,
        undefined,
        {
          priority: 'other',
        },
      )
      .catch(() => undefined);
    if (one?.name) this.names.set(code, one.name);
    else {
      const path = `/api/v2/conversations/${encodeURIComponent(conversationId)}/participants/${encodeURIComponent(legId)}/wrapupcodes`;
      const list = await api
        .request<Models.WrapupCode[]>('GET', path, undefined, { priority: 'other' })
        .catch(() => undefined);
      for (const c of Array.isArray(list) ? list : []) if (c.id && c.name) this.names.set(c.id, c.name);
    }
    return this.names.get(code);
  }
}
