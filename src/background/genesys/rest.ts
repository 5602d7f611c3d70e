/** A minimal REST client for the Genesys Platform API: bearer token, typed errors, timeouts. */
import { type ErrorDetails, GenesysError } from './errors';

export interface Api {
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** Status code only (used to check a channel still exists). */
  head(path: string): Promise<number>;
}

export interface ApiOptions {
  baseUrl: string;
  getToken: () => Promise<string | undefined>;
  fetch?: typeof fetch;
  timeoutMs?: number;
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

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
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
    throw new GenesysError(
      res.status,
      await readDetails(res),
      host,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
      res.headers.get('ININ-Correlation-Id') ?? undefined,
    );
  }

  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await send(method, path, body);
      if (!res.ok) return fail(res);
      if (res.status === 204) return undefined as T;
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async head(path) {
      const res = await send('HEAD', path);
      if (res.status === 404 || res.ok) return res.status;
      return fail(res);
    },
  };
}
