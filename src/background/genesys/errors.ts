import type { Models } from 'purecloud-platform-client-v2';

/** Genesys error bodies (`ErrorBody`) and OAuth ones (`{error, description}`) in one shape. */
export type ErrorDetails = Partial<Models.ErrorBody> & {
  error?: string;
  description?: string;
  error_description?: string;
};

export class GenesysError extends Error {
  constructor(
    readonly status: number,
    readonly details: ErrorDetails,
    readonly host: string,
    readonly retryAfterSec?: number,
    readonly correlationId?: string,
  ) {
    super(
      details.message ?? details.description ?? details.error_description ?? `HTTP ${status} from ${host}`,
    );
    this.name = 'GenesysError';
  }

  get code(): string {
    return this.details.code ?? this.details.error ?? (this.status === 0 ? 'network' : String(this.status));
  }
}

/** Permissions named in a 403 body, wherever this API version put them. */
export function missingPermissions(err: GenesysError): string[] {
  const found = new Set<string>();
  const params = err.details.messageParams ?? {};
  for (const v of Object.values(params))
    for (const p of String(v).split(/[\s,[\]]+/)) if (p.includes(':')) found.add(p);
  const text = err.details.message ?? '';
  const listed = /permissions? assigned:\s*\[?([^\]]+)\]?/i.exec(text)?.[1];
  if (listed) for (const p of listed.split(/[\s,]+/)) if (p.includes(':')) found.add(p);
  return [...found];
}
