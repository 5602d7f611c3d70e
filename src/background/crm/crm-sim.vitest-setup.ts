/**
 * Shared setup of the CRM tests against the simulator (*.sim.test.ts in crm/): one simulator per
 * file with alex signed in, every request it served, a fetch that reaches the demo CRM the way
 * Chrome's host-resolver rule does in e2e, and small builders of lookup keys and settings.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type RequestEvent, SEED_USERS, type Sim, startSim } from '../../../sim/index';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { type CrmSettings, DEFAULT_CRM_SETTINGS } from '../../shared/crm/settings';
import type { ConversationView } from '../../shared/domain';
import { createApi } from '../genesys/rest';
import { type LookupKey, lookupKeyOf } from './connector';

export const alex = SEED_USERS.alex.id;
export let sim: Sim;
let token: string;
export const requests: RequestEvent[] = [];

/** Start the simulator for this file's tests; faults and the request log are reset after each. */
export function useCrmSim(): void {
  beforeAll(async () => {
    sim = await startSim();
    token = sim.issueToken({ userId: alex }).access_token;
    sim.on('request', (r) => requests.push(r));
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    sim.faults.reset();
    requests.length = 0;
  });
}

/** A fresh token for alex (the previous one was revoked). */
export function renewToken(): void {
  token = sim.issueToken({ userId: alex }).access_token;
}

export const api = () => createApi({ baseUrl: sim.url, getToken: async () => token });

/** What Chrome's host-resolver rule does in e2e: crm.cuecard.test is the simulator (path-routed here). */
export const seen: { url: string; init: RequestInit | undefined }[] = [];
export const simFetch: typeof fetch = (input, init) => {
  const url = String(input);
  seen.push({ url, init });
  return fetch(url.replace('https://crm.cuecard.test/', `${sim.url}/crm/`), init);
};

export const demo: CrmSettings = { ...DEFAULT_CRM_SETTINGS, ...DEMO_CRM_PRESET } as CrmSettings;

export const key = (o: Partial<ConversationView>): LookupKey =>
  lookupKeyOf({ id: 'conv-1', media: 'call', state: 'alerting', startedAt: 0, ...o }, 'US');

export const national = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
