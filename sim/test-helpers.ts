/**
 * Helpers for tests against the simulator: raw HTTP with any Host header, the PKCE sign-in, channels
 * and sockets with frame collection, a test clock, `testSim()` (plain HTTP on 127.0.0.1, port 0).
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Models } from 'purecloud-platform-client-v2';
import WebSocket from 'ws';
import { DEMO_CLIENT_ID, DEMO_REDIRECT_URI, type Sim, type SimOptions, startSim } from './index';

/** Helpers for the simulator's own tests (plain HTTP on 127.0.0.1, port 0). */

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  host?: string;
  headers?: Record<string, string>;
  body?: string;
  token?: string;
}

/** One HTTP request with full control over the Host header; never follows redirects. */
export function raw(sim: Sim, r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(r.headers ?? {}) };
    if (r.host) headers.host = r.host;
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
    const req = request(
      { host: '127.0.0.1', port: sim.port, method: r.method ?? 'GET', path: r.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

export function jsonBody(v: unknown): { body: string; headers: Record<string, string> } {
  return { body: JSON.stringify(v), headers: { 'content-type': 'application/json' } };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface LoginOptions {
  clientId?: string;
  redirectUri?: string;
  /** Host header for login (e.g. `login.mypurecloud.ie`); default path-routed 127.0.0.1. */
  host?: string;
}

export function authorizeQuery(
  challenge: string,
  o: LoginOptions = {},
  extra: Record<string, string> = {},
): string {
  return new URLSearchParams({
    client_id: o.clientId ?? DEMO_CLIENT_ID,
    response_type: 'code',
    redirect_uri: o.redirectUri ?? `${DEMO_REDIRECT_URI}oauth2`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st4te',
    ...extra,
  }).toString();
}

/** The interactive flow: login form POST as `userId`; returns the code, verifier and session cookie. */
export async function getCode(
  sim: Sim,
  userId: string,
  o: LoginOptions = {},
): Promise<{ code: string; verifier: string; cookie: string; location: string }> {
  const { verifier, challenge } = pkcePair();
  const form = new URLSearchParams(authorizeQuery(challenge, o));
  form.set('userId', userId);
  const res = await raw(sim, {
    method: 'POST',
    path: '/login',
    host: o.host,
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (res.status !== 302) throw new Error(`login answered ${res.status}: ${res.text}`);
  const location = String(res.headers.location);
  const code = new URL(location).searchParams.get('code') ?? '';
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  return { code, verifier, cookie, location };
}

export async function redeem(
  sim: Sim,
  code: string,
  verifier: string,
  o: LoginOptions = {},
  overrides: Record<string, string> = {},
): Promise<RawResponse> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: o.clientId ?? DEMO_CLIENT_ID,
    redirect_uri: o.redirectUri ?? `${DEMO_REDIRECT_URI}oauth2`,
    ...overrides,
  }).toString();
  return raw(sim, {
    method: 'POST',
    path: '/oauth/token',
    host: o.host,
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Full PKCE sign-in; returns the access token. */
export async function signIn(sim: Sim, userId: string, o: LoginOptions = {}): Promise<string> {
  const { code, verifier } = await getCode(sim, userId, o);
  const res = await redeem(sim, code, verifier, o);
  if (res.status !== 200) throw new Error(`token answered ${res.status}: ${res.text}`);
  return (res.json() as { access_token: string }).access_token;
}

export interface Frames {
  ws: WebSocket;
  list: Record<string, unknown>[];
  texts: string[];
  /** Resolves with the first frame (already received or future) matching pred. */
  next(pred: (f: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
}

export function collect(ws: WebSocket): Frames {
  const list: Record<string, unknown>[] = [];
  const texts: string[] = [];
  const waiters: {
    pred: (f: Record<string, unknown>) => boolean;
    resolve: (f: Record<string, unknown>) => void;
  }[] = [];
  ws.on('message', (d) => {
    const text = d.toString();
    texts.push(text);
    let f: Record<string, unknown>;
    try {
      f = JSON.parse(text) as Record<string, unknown>;
    } catch {
      f = { __raw: text };
    }
    list.push(f);
    for (const w of [...waiters]) {
      if (w.pred(f)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(f);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return {
    ws,
    list,
    texts,
    closed,
    next(pred, timeoutMs = 2000) {
      const hit = list.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
        waiters.push({
          pred,
          resolve: (f) => {
            clearTimeout(t);
            resolve(f);
          },
        });
      });
    },
  };
}

export async function connect(uri: string, headers: Record<string, string> = {}): Promise<Frames> {
  const ws = new WebSocket(uri, { headers });
  const frames = collect(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return frames;
}

export interface Channel {
  id: string;
  connectUri: string;
  expires: string;
}

export async function createChannel(sim: Sim, token: string, host?: string): Promise<Channel> {
  const res = await raw(sim, { method: 'POST', path: '/api/v2/notifications/channels', token, host });
  if (res.status !== 200) throw new Error(`channel answered ${res.status}: ${res.text}`);
  return res.json() as Channel;
}

export async function subscribe(
  sim: Sim,
  token: string,
  channelId: string,
  topics: string[],
  method: 'PUT' | 'POST' = 'PUT',
  query = '',
): Promise<RawResponse> {
  return raw(sim, {
    method,
    path: `/api/v2/notifications/channels/${channelId}/subscriptions${query}`,
    token,
    ...jsonBody(topics.map((id): Models.ChannelTopic => ({ id }))),
  });
}

/** Signed-in user with a connected channel subscribed to the given topic suffixes. */
export async function live(
  sim: Sim,
  userId: string,
  suffixes: string[] = ['conversations', 'presence', 'routingStatus'],
): Promise<{ token: string; channel: Channel; frames: Frames }> {
  const token = sim.issueToken({ userId }).access_token;
  const channel = await createChannel(sim, token);
  const frames = await connect(channel.connectUri);
  const res = await subscribe(
    sim,
    token,
    channel.id,
    suffixes.map((s) => `v2.users.${userId}.${s}`),
  );
  if (res.status !== 200) throw new Error(`subscribe answered ${res.status}: ${res.text}`);
  return { token, channel, frames };
}

export function isTopic(suffix: string): (f: Record<string, unknown>) => boolean {
  return (f) => typeof f.topicName === 'string' && f.topicName.endsWith(suffix);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TestClock {
  now: () => number;
  advance(ms: number): void;
  t: number;
}

export function testClock(start = Date.UTC(2026, 0, 15, 9, 0, 0)): TestClock {
  const c: TestClock = {
    t: start,
    now: () => c.t,
    advance: (ms) => {
      c.t += ms;
    },
  };
  return c;
}

export async function testSim(o: SimOptions = {}): Promise<Sim> {
  return startSim({ heartbeatMs: 60_000, seed: 7, ...o });
}
