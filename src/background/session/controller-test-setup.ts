/**
 * Shared setup of the session controller's unit tests (controller*.test.ts): a configured org,
 * a stored token, and a harness with a fake clock, storage, gate and OAuth flows.
 */
import { type Mock, vi } from 'vitest';
import type { EffectiveSettings } from '../settings-source';
import { type AuthorizeOptions, Session } from './controller';
import type { Gate } from './gate';
import type { IssuedToken } from './oauth';
import type { SessionMarks, StoredAuth } from './token';
export const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
export const HOUR = 3_600_000;
export const configured: EffectiveSettings = {
  settings: { region: 'mypurecloud.ie', clientId: 'client-1' },
  locked: [],
  policyErrors: {},
};
export const stored = (o: Partial<StoredAuth> = {}): StoredAuth => ({
  accessToken: 'tok-1',
  issuedAt: T0 - HOUR,
  expiresAt: T0 + HOUR,
  region: 'mypurecloud.ie',
  clientId: 'client-1',
  ...o,
});

export function harness(
  o: {
    token?: StoredAuth;
    authorize?: (interactive: boolean) => Promise<IssuedToken>;
    /** Default: a worker restart inside a browser session that already tried its silent sign-in. */
    marks?: SessionMarks;
    idlesAt?: (token: string) => Promise<number | undefined>;
  } = {},
) {
  let signIns = 0;
  const h: {
    now: number;
    saved: StoredAuth | undefined;
    gates: Gate[];
    released: number;
    marks: SessionMarks;
    loginsEnded: number;
    options: (AuthorizeOptions | undefined)[];
    authorize: Mock<(interactive: boolean) => Promise<IssuedToken>>;
  } = {
    now: T0,
    saved: o.token,
    gates: [] as Gate[],
    released: 0,
    marks: o.marks ?? { silentTried: true },
    loginsEnded: 0,
    options: [],
    authorize: vi.fn<(interactive: boolean) => Promise<IssuedToken>>(
      o.authorize ??
        (async () => ({ accessToken: `tok-${++signIns}`, issuedAt: h.now, expiresAt: h.now + HOUR })),
    ),
  };
  const session = new Session({
    authorize: (_s, interactive, opts) => {
      h.options.push(opts);
      return h.authorize(interactive);
    },
    marks: {
      load: async () => ({ ...h.marks }),
      save: async (m) => {
        h.marks = { ...h.marks, ...m };
      },
    },
    ...(o.idlesAt ? { idlesAt: o.idlesAt } : {}),
    endLogin: async () => {
      h.loginsEnded++;
    },
    tokens: {
      load: async () => h.saved,
      save: async (a) => {
        h.saved = a;
      },
      clear: async () => {
        h.saved = undefined;
      },
    },
    now: () => h.now,
    onGate: (g) => h.gates.push(g),
    release: async () => {
      h.released++;
    },
    log: () => undefined,
  });
  return { h, session, last: () => h.gates[h.gates.length - 1] };
}
