import { mergeCrmSettings } from '../../shared/crm/policy';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import type { ConversationView } from '../../shared/domain';
import type { Api } from '../genesys/rest';
import { CrmService } from './service';
export const customer = (n: number) => ({
  id: `C-${n}`,
  name: `Customer ${n}`,
  company: 'Acme',
  phone: `+1317555000${n}`,
  email: `c${n}@acme.example`,
});

/** A demo-CRM-shaped stub: answers by phone/email/q, counts requests, can fail or hang. */
export function stubCrm() {
  const calls: string[] = [];
  let mode: 'ok' | 'down' | 'hang' = 'ok';
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    calls.push(url.pathname + url.search);
    if (mode === 'down') return new Response('{}', { status: 503, statusText: 'Service Unavailable' });
    if (mode === 'hang')
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const phone = url.searchParams.get('phone');
    const q = url.searchParams.get('q');
    const all = [1, 2, 3].map(customer);
    const results = phone
      ? all.filter((c) => c.phone === phone)
      : q
        ? all.filter((c) => c.company === q)
        : [];
    return Response.json({ results });
  };
  return { calls, fetch, setMode: (m: typeof mode) => (mode = m) };
}

export function setup(
  synced: Record<string, unknown> = { ...DEMO_CRM_PRESET },
  opts: { api?: Api; now?: () => number; wrapFetch?: (f: typeof fetch) => typeof fetch } = {},
) {
  const crm = stubCrm();
  let changes = 0;
  const s = new CrmService({
    getApi: () => opts.api,
    loadSettings: async () => mergeCrmSettings(synced, {}),
    hasPermission: async () => true,
    fetch: opts.wrapFetch ? opts.wrapFetch(crm.fetch) : crm.fetch,
    onChange: () => changes++,
    timeoutMs: 200,
    now: opts.now,
  });
  return { s, crm, changes: () => changes };
}

export const view = (id: string, o: Partial<ConversationView> = {}): ConversationView => ({
  id,
  media: 'call',
  state: 'alerting',
  startedAt: 0,
  customerAddress: customer(1).phone,
  ...o,
});
