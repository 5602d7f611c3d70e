/**
 * `npm run sim`: the simulator as a process (HTTPS on 8443 by default), printing its URLs, seeded
 * agents, Chromium flags and a control API summary; an optional JSON scenario script runs at start.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FAULT_NAMES } from './faults/table';
import {
  CUECARD_REDIRECT_URI,
  DEMO_CLIENT_ID,
  hostResolverRules,
  moveDemoTeam,
  runScript,
  type ScriptStep,
  seedDemoTeam,
  startSim,
} from './index';

/** `npm run sim -- [--port 8443] [--tls|--no-tls] [--heartbeat-ms N] [--script file.json] [--speed N] [--log]` */

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    host: { type: 'string', default: '127.0.0.1' },
    tls: { type: 'boolean', default: true },
    'no-tls': { type: 'boolean', default: false },
    'heartbeat-ms': { type: 'string' },
    'token-lifetime-sec': { type: 'string' },
    seed: { type: 'string' },
    script: { type: 'string' },
    speed: { type: 'string', default: '1' },
    log: { type: 'boolean', default: false },
    team: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.info(
    'Usage: npm run sim -- [--port 8443] [--host 127.0.0.1] [--tls|--no-tls] [--heartbeat-ms 30000]\n' +
      '                      [--token-lifetime-sec 86400] [--seed N] [--script steps.json] [--speed 1] [--log]\n' +
      '                      [--team]   (the demo team: 3 queues, 40 agents whose statuses keep moving)',
  );
  process.exit(0);
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const tls = values.tls && !values['no-tls'];

const sim = await startSim({
  port: Number(values.port),
  host: values.host,
  tls,
  heartbeatMs: num(values['heartbeat-ms']),
  tokenLifetimeSec: num(values['token-lifetime-sec']),
  seed: num(values.seed),
  log: values.log,
});

const target = `${values.host}:${sim.port}`;
const agents = sim
  .users()
  .map((u) => `    ${u.name.padEnd(14)} ${u.id}  ${u.email}`)
  .join('\n');
const team = values.team ? seedDemoTeam(sim, { seed: num(values.seed) }) : undefined;
if (team) moveDemoTeam(sim, team.agentIds);
const teamLine = team
  ? `\nDemo team: ${team.agentIds.length} agents on ${team.queues.map((q) => q.name).join(', ')}, statuses moving (GET /__sim/queues)`
  : '';
console.info(`Genesys Cloud simulator listening on ${sim.url} (${tls ? 'HTTPS/WSS, throwaway self-signed certificate' : 'plain HTTP/WS'})

Hosts (with the Chromium flags below): login./api./apps./streaming.<every Genesys domain>, crm.cuecard.test
  e.g. https://apps.mypurecloud.com/  https://login.mypurecloud.com/oauth/authorize  https://crm.cuecard.test/customers
Path-routed on ${sim.url}: /oauth/*, /login, /logout, /api/v2/*, /channels/*, /crm/*, /apps/, /__sim/*

Seeded agents:
${agents}${teamLine}
Demo OAuth client: ${DEMO_CLIENT_ID}  (redirect URI ${CUECARD_REDIRECT_URI})

Chromium flags:
  --host-resolver-rules="${hostResolverRules(target)}" --ignore-certificate-errors

Control API (POST JSON to ${sim.url}/__sim/<name>, any host):
  addUser {name,...}  startConversation {userId,media,customer:{address,name?},queue?:{name}}  -> {id}
  act {conversationId, action:{type:'alert'|'answer'|'noAnswer'|'hold'|'unhold'|'transfer'|'consult'|'completeConsult'|'cancelConsult'|'disconnect'|'wrapup'|'setAttributes'|'associate'|'farEndRinging',...}}
  (queue conversations ring only for agents On Queue: setPresence {userId, presence:'On Queue'} first)
  setPresence {userId,presence}  setRoutingStatus {userId,status}  shiftChange {userIds,presence,routingStatus?}
  GET truth?userId=  GET stats  GET users  issueToken {userId}  runScript {steps,speed?,wait?}
  team: addQueue {name,members?}  addQueueMember/removeQueueMember {queueId,userId}  setJoined {queueId,userId,joined}
  GET queues  shiftStorm {changes,durationMs,userIds?|queueIds?,seed?,joinLeaveRatio?,wait?}  demoTeam {seed?,move?}
  faults/<name> {named args} or [positional args], e.g. faults/dropSockets {"userId":"..."}, faults/failNext {"status":503,"count":2}
    ${FAULT_NAMES.join(' ')
      .replace(/(.{1,100})(?: |$)/g, '$1\n    ')
      .trimEnd()}
Ctrl-C to stop.`);

if (values.script) {
  const steps = JSON.parse(readFileSync(values.script, 'utf8')) as ScriptStep[];
  runScript(sim, steps, { speed: Number(values.speed) })
    .then((aliases) => console.info(`[sim] script done: ${JSON.stringify(aliases)}`))
    .catch((err: unknown) => console.error('[sim] script failed:', err));
}

const stop = () => {
  console.info('\n[sim] stopping');
  sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
