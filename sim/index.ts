/**
 * The simulator's entry point: `startSim(opts)` seeds the org, listens (HTTP or HTTPS with a
 * throwaway certificate) and returns the `Sim` handle; everything tests, e2e, bench and scripts use
 * is re-exported here. `close()` ends every socket and connection, so teardown never hangs.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Core } from './core';
import { LOCAL_DOMAIN } from './hosts';
import { requestHandler, upgradeHandler } from './router';
import { CUECARD_REDIRECT_URI, DEMO_CLIENT_ID, SEED_USERS } from './seed';
import { makeCert } from './tls';
import type {
  AddQueue,
  AddUser,
  ConversationAction,
  RegisterClient,
  Sim,
  SimOptions,
  StartConversation,
} from './types';

export type { ActivityRecord, CrmActivitiesTruth } from './crm/activity-log';
export type { Customer, DemoCustomer } from './crm/customers';
export { crmOnlyCustomer, DEFAULT_SEED, demoCustomers, knownCustomer, unknownNumber } from './crm/customers';
export { SHARED_NUMBER_CUSTOMERS, SHARED_PHONE } from './crm/shared-number';
export type { DemoTeam } from './demo-team';
export { DEMO_TEAM_QUEUES, demoTeamNames, moveDemoTeam, seedDemoTeam } from './demo-team';
export type { FailRule, FaultName, Faults, MalformedKind } from './faults/table';
export { GENESYS_DOMAINS, hostResolverRules } from './hosts';
export type { AssociationRecord, ExternalContactsTruth, NoteRecord } from './org/external-contacts';
export { WRAPUP_CODE_NAMES, WRAPUP_CODES, type WrapupCodeName, wrapupCodeId } from './org/wrapup-codes';
export type { ScriptStep } from './scenario-script';
export { runScript, shiftChange } from './scenario-script';
export { CUECARD_REDIRECT_URI, DEMO_CLIENT_ID, DEMO_REDIRECT_URI, EXTENSION_ID, SEED_USERS } from './seed';
export type { ShiftStorm, ShiftStormResult } from './shift-storm';
export { shiftStorm } from './shift-storm';
export type * from './types';

export async function startSim(opts: SimOptions = {}): Promise<Sim> {
  const core = new Core(opts);
  if (!core.opts.noSeed) {
    for (const u of Object.values(SEED_USERS)) core.addUser({ ...u });
    core.clients.register({
      clientId: DEMO_CLIENT_ID,
      name: 'Cuecard (demo)',
      redirectUris: [CUECARD_REDIRECT_URI],
    });
  }
  let server: Server;
  const sim = {} as Sim;
  const handler = requestHandler(core, sim);
  if (core.opts.tls) {
    const { key, cert } = await makeCert();
    server = createHttpsServer({ key, cert }, handler);
  } else {
    server = createHttpServer(handler);
  }
  server.on('upgrade', upgradeHandler(core));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(core.opts.port, core.opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  core.streaming.start();
  const sweeper = setInterval(() => core.channels.sweep(), 1000);
  sweeper.unref();
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = core.opts.host.includes(':') ? `[${core.opts.host}]` : core.opts.host;
  let closed: Promise<void> | undefined;
  const userName = (id: string) => core.users.get(id)?.name ?? id;

  Object.assign(sim, {
    port,
    url: `${core.opts.tls ? 'https' : 'http'}://${hostForUrl}:${port}`,
    faults: core.faults,
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(sweeper);
        core.faultState.reset();
        core.timers.clear();
        core.streaming.close();
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closed;
    },
    addUser: (u: AddUser) => core.addUser(u),
    users: () => core.users.list(),
    registerClient: (c: RegisterClient) => {
      core.clients.register(c);
    },
    startConversation: (o: StartConversation) => core.conversations.start(o),
    act: (id: string, action: ConversationAction) => core.conversations.act(id, action),
    truth: (userId: string) => core.conversations.truth(userId),
    setPresence: (userId: string, p: string) => core.users.setPresence(userId, p),
    setRoutingStatus: (userId: string, s: string) => core.users.setRoutingStatus(userId, s),
    addQueue: (q: AddQueue) => core.queues.view(core.queues.add(q), userName),
    queues: () => core.queues.list().map((q) => core.queues.view(q, userName)),
    addQueueMember: (queueId: string, userId: string, joined = true) =>
      core.queues.addMember(queueId, userId, joined),
    removeQueueMember: (queueId: string, userId: string) => core.queues.removeMember(queueId, userId),
    setJoined: (queueId: string, userId: string, joined: boolean) =>
      core.queues.setJoined(queueId, userId, joined),
    queueObservations: (queueId: string) => core.observations.observe(queueId),
    on: ((event: 'frame' | 'request', cb: (x: never) => void) => core.on(event, cb as never)) as Sim['on'],
    stats: () => core.stats(),
    externalContacts: () => core.externalContacts.truth(),
    crmActivities: () => core.crmActivities.truth(),
    setStation: (userId: string, hasStation: boolean) => {
      core.users.require(userId);
      if (hasStation) core.noStation.delete(userId);
      else core.noStation.add(userId);
    },
    issueToken: (o: { userId: string; clientId?: string; domain?: string; lifetimeSec?: number }) => {
      core.users.require(o.userId);
      const clientId = o.clientId ?? DEMO_CLIENT_ID;
      const lifetime =
        o.lifetimeSec ?? core.clients.get(clientId)?.tokenLifetimeSec ?? core.opts.tokenLifetimeSec;
      const t = core.auth.issueToken(o.userId, clientId, o.domain ?? LOCAL_DOMAIN, lifetime);
      return { access_token: t.token, token_type: 'bearer' as const, expires_in: lifetime };
    },
  } satisfies Sim);
  return sim;
}
