/**
 * The HTTP control API, `/__sim/<name>` on every host: the `Sim` handle's calls over JSON
 * (`POST addUser`, `startConversation`, `act`, …, `GET truth|stats|users|externalContacts|crmActivities`), and
 * `POST faults/<name>` read by the fault table. Errors answer 400 `{"error": "…"}`.
 */

import { moveDemoTeam, seedDemoTeam } from './demo-team';
import { applyFault } from './faults/table';
import { isRecord, parseJson, sendJson } from './http';
import type { RequestContext } from './request-context';
import { runScript, type ScriptStep, shiftChange } from './scenario-script';
import { type ShiftStorm, shiftStorm } from './shift-storm';
import type { AddQueue, AddUser, ConversationAction, RegisterClient, Sim, StartConversation } from './types';

type Args = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown, d: number): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : d;

/** HTTP control API: `POST /__sim/<name>` with a JSON body, on every host. */
export async function handleControl(rc: RequestContext, sim: Sim): Promise<void> {
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
    case 'queues':
      return sim.queues();
    case 'queueObservations':
      return sim.queueObservations(String(a.queueId));
    case 'addQueue':
      return sim.addQueue(a as unknown as AddQueue);
    case 'addQueueMember':
      sim.addQueueMember(String(a.queueId), String(a.userId), a.joined !== false);
      return { ok: true };
    case 'removeQueueMember':
      sim.removeQueueMember(String(a.queueId), String(a.userId));
      return { ok: true };
    case 'setJoined':
      sim.setJoined(String(a.queueId), String(a.userId), a.joined === true);
      return { ok: true };
    case 'shiftStorm': {
      const run = shiftStorm(sim, a as unknown as ShiftStorm);
      if (a.wait) return await run;
      run.catch((err: unknown) => console.error('[sim] shift storm failed', err));
      return { started: true };
    }
    case 'demoTeam': {
      const team = seedDemoTeam(sim, { seed: num(a.seed, 1) });
      if (a.move) moveDemoTeam(sim, team.agentIds);
      return team;
    }
    case 'truth':
      return sim.truth(String(a.userId));
    case 'externalContacts':
      return sim.externalContacts();
    case 'crmActivities':
      return sim.crmActivities();
    case 'setStation':
      sim.setStation(String(a.userId), a.station !== false && a.hasStation !== false);
      return { ok: true };
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
