import type { Rc } from './context';
import type { Faults, MalformedKind } from './faults';
import { isRecord, parseJson, sendJson } from './http';
import type { Sim } from './index';
import { runScript, type ScriptStep, shiftChange } from './scenario-script';
import type { AddUser, ConversationAction, RegisterClient, StartConversation } from './types';

type Args = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown, d: number): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : d;

/** Fault name -> call with a JSON object of named arguments (or an array of positional ones). */
export const FAULT_CALLS: Record<keyof Faults, (f: Faults, a: Args, pos: unknown[] | undefined) => void> = {
  dropSockets: (f, a, p) => f.dropSockets(str(p ? p[0] : a.userId)),
  closeSockets: (f, a, p) =>
    p
      ? f.closeSockets(num(p[0], 1000), str(p[1]), str(p[2]))
      : f.closeSockets(num(a.code, 1000), str(a.reason), str(a.userId)),
  stallHeartbeats: (f, a, p) => f.stallHeartbeats(Boolean(p ? p[0] : (a.on ?? true))),
  socketClosing: (f, a, p) =>
    p
      ? f.socketClosing(str(p[0]), isRecord(p[1]) ? { closeAfterMs: num(p[1].closeAfterMs, 60_000) } : {})
      : f.socketClosing(str(a.userId), { closeAfterMs: num(a.closeAfterMs, 60_000) }),
  duplicateNext: (f, a, p) => f.duplicateNext(num(p ? p[0] : a.n, 1)),
  reorderNext: (f, a, p) => f.reorderNext(num(p ? p[0] : a.n, 2)),
  delayEvents: (f, a, p) => f.delayEvents(num(p ? p[0] : a.ms, 0)),
  sendMalformed: (f, a, p) =>
    f.sendMalformed(str(p ? p[0] : a.userId), (str(p ? p[1] : a.kind) ?? 'not-json') as MalformedKind),
  sendOversized: (f, a, p) => f.sendOversized(str(p ? p[0] : a.userId), num(p ? p[1] : a.bytes, 1024 * 1024)),
  expireTokens: (f, a, p) => f.expireTokens(str(p ? p[0] : a.userId)),
  revokeTokens: (f, a, p) => f.revokeTokens(str(p ? p[0] : a.userId)),
  failNext: (f, a, p) => {
    const r = p && isRecord(p[0]) ? p[0] : a;
    f.failNext({
      status: num(r.status, 503),
      count: num(r.count, 1),
      retryAfterSec: r.retryAfterSec === undefined ? undefined : num(r.retryAfterSec, 1),
      pathPrefix: str(r.pathPrefix),
    });
  },
  expireChannel: (f, a, p) => f.expireChannel(str(p ? p[0] : a.channelId)),
  expireChannels: (f, a, p) => f.expireChannels(str(p ? p[0] : a.userId)),
  noLongerSubscribed: (f, a, p) => f.noLongerSubscribed(str(p ? p[0] : a.userId)),
  rejectHandshake: (f, a, p) => f.rejectHandshake(num(p ? p[0] : a.status, 401), num(p ? p[1] : a.count, 1)),
  endSessions: (f, a, p) => f.endSessions(str(p ? p[0] : a.userId)),
  crmDown: (f, a, p) => f.crmDown(Boolean(p ? p[0] : (a.down ?? a.on ?? true))),
  crmDelay: (f, a, p) => f.crmDelay(num(p ? p[0] : a.ms, 0)),
  reset: (f) => f.reset(),
};

export function applyFault(faults: Faults, name: string, args: unknown): void {
  const call = FAULT_CALLS[name as keyof Faults];
  if (!call) throw new Error(`unknown fault ${name}`);
  call(faults, isRecord(args) ? args : {}, Array.isArray(args) ? args : undefined);
}

/** HTTP control API: `POST /__sim/<name>` with a JSON body, on every host. */
export async function handleControl(rc: Rc, sim: Sim): Promise<void> {
  const name = rc.info.path.replace(/^\/__sim\/?/, '');
  let body: unknown;
  try {
    body = rc.method === 'GET' ? Object.fromEntries(rc.url.searchParams) : parseJson(await rc.body());
  } catch {
    return sendJson(rc.res, 400, { error: 'body is not JSON' });
  }
  const a: Args = isRecord(body) ? body : {};
  try {
    const result = await control(sim, name, a, body);
    sendJson(rc.res, 200, result ?? { ok: true });
  } catch (err) {
    sendJson(rc.res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}

async function control(sim: Sim, name: string, a: Args, body: unknown): Promise<unknown> {
  if (name.startsWith('faults/')) {
    applyFault(sim.faults, name.slice('faults/'.length), body);
    return { ok: true };
  }
  switch (name) {
    case 'stats':
      return sim.stats();
    case 'users':
      return sim.users();
    case 'addUser':
      return sim.addUser(a as unknown as AddUser);
    case 'registerClient':
      sim.registerClient(a as unknown as RegisterClient);
      return { ok: true };
    case 'issueToken':
      return sim.issueToken({ userId: String(a.userId), clientId: str(a.clientId), domain: str(a.domain) });
    case 'startConversation':
      return { id: sim.startConversation(a as unknown as StartConversation) };
    case 'act':
      sim.act(String(a.conversationId), a.action as ConversationAction);
      return { ok: true };
    case 'setPresence':
      sim.setPresence(String(a.userId), String(a.presence ?? a.systemPresence));
      return { ok: true };
    case 'setRoutingStatus':
      sim.setRoutingStatus(String(a.userId), String(a.status ?? a.routingStatus));
      return { ok: true };
    case 'shiftChange':
      shiftChange(
        sim,
        Array.isArray(a.userIds) ? a.userIds.map(String) : [],
        String(a.presence),
        str(a.routingStatus),
      );
      return { ok: true };
    case 'truth':
      return sim.truth(String(a.userId));
    case 'runScript': {
      const steps = (Array.isArray(body) ? body : a.steps) as ScriptStep[];
      const run = runScript(sim, steps, { speed: num(a.speed, 1) });
      if (a.wait) return { aliases: await run };
      run.catch((err: unknown) => console.error('[sim] script failed', err));
      return { started: true };
    }
    default:
      throw new Error(`unknown control ${name}`);
  }
}
