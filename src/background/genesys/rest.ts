/**
 * A minimal REST client for the Genesys Platform API: bearer token, typed errors, timeouts, and
 * the REST budget: every call waits for the client's one RateLimiter (genesys/limiter.ts) at its
 * priority, and a 429's Retry-After holds them all.
 */
import { type ErrorDetails, GenesysError } from './errors';
import { DEFAULT_HOLD_MS, type LimiterClock, type Priority, RateLimiter, realClock } from './limiter';

export type { Priority } from './limiter';

export interface CallOptions {
  /** Who waits first when the budget is short (default `other`). */
  priority?: Priority;
}

export interface Api {
  request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    opts?: CallOptions,
  ): Promise<T>;
  /** Status code only (used to check a channel still exists). */
  head(path: string, opts?: CallOptions): Promise<number>;
}

/** The same client, every call at `priority` (unless the call names its own). */
export function withPriority(api: Api, priority: Priority): Api {
  return {
    request: (method, path, body, opts) => api.request(method, path, body, { priority, ...opts }),
    head: (path, opts) => api.head(path, { priority, ...opts }),
  };
}

export interface ApiOptions {
  baseUrl: string;
  getToken: () => Promise<string | undefined>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The budget (default: a RateLimiter of its own on the real clock). */
  limiter?: RateLimiter;
  clock?: LimiterClock;
}

async function readDetails(res: Response): Promise<ErrorDetails> {
  try {
    const body: unknown = await res.json();
    return typeof body === 'object' && body !== null ? (body as ErrorDetails) : {};
  } catch {
    return {};
  }
}

export function createApi(opts: ApiOptions): Api {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const host = new URL(opts.baseUrl).host;
  const clock = opts.clock ?? realClock;
  const limiter = opts.limiter ?? new RateLimiter(clock);

  async function send(method: string, path: string, body: unknown, call?: CallOptions): Promise<Response> {
    await limiter.acquire(call?.priority ?? 'other');
    const token = await opts.getToken();
    if (!token)
      throw new GenesysError(401, { code: 'authentication.required', message: 'Not signed in.' }, host);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await doFetch(`${opts.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
        credentials: 'omit',
      });
    } catch (e) {
      throw new GenesysError(0, { message: e instanceof Error ? e.message : String(e) }, host);
    }
  }

  async function fail(res: Response): Promise<never> {
    const retry = Number(res.headers.get('Retry-After'));
    if (res.status === 429)
      limiter.hold(clock.now() + (Number.isFinite(retry) && retry > 0 ? retry * 1000 : DEFAULT_HOLD_MS));
    throw new GenesysError(
      res.status,
      await readDetails(res),
      host,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
      res.headers.get('ININ-Correlation-Id') ?? undefined,
    );
  }

  return {
    async request<T>(method: string, path: string, body?: unknown, call?: CallOptions): Promise<T> {
      const res = await send(method, path, body, call);
      if (!res.ok) return fail(res);
      if (res.status === 204) return undefined as T;
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async head(path, call) {
      const res = await send('HEAD', path, undefined, call);
      if (res.status === 404 || res.ok) return res.status;
      return fail(res);
    },
  };
}
