/**
 * Routes every request by host (or, on 127.0.0.1/localhost, by path) to its handler: login, api,
 * agent page, demo CRM, control API; WebSocket upgrades to the socket server. A `failNext` fault
 * answers login/api requests before their handler runs. CORS is permissive like the real hosts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { handleAgentPage } from './agent-page';
import { handleControl } from './control';
import type { Core } from './core';
import { handleCrm } from './crm/routes';
import { classify } from './hosts';
import { sendError, sendHtml, sendJson } from './http';
import { handleLogin } from './oauth/login';
import { type RequestContext, requestContext } from './request-context';
import { sendTooMany } from './rest/auth';
import { handleApi } from './rest/index';
import type { Sim } from './types';

const FAIL_CODES: Record<number, [string, string]> = {
  500: ['internal.server.error', 'The server encountered an unexpected condition.'],
  502: ['bad.gateway', 'Bad gateway.'],
  503: [
    'service.unavailable',
    'Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).',
  ],
  504: ['gateway.timeout', 'The request timed out.'],
  401: ['bad.credentials', 'Invalid login credentials.'],
  403: ['not.authorized', 'You are not authorized to perform the requested action.'],
  404: ['not.found', 'The requested resource was not found.'],
};

function setCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) {
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  res.setHeader('Access-Control-Expose-Headers', 'ININ-Correlation-Id, Retry-After');
}

function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
    'Access-Control-Max-Age': '86400',
    'Content-Length': '0',
  });
  res.end();
}

async function dispatch(rc: RequestContext, sim: Sim): Promise<void> {
  const { core, info } = rc;
  if (info.kind === 'login' || info.kind === 'api') {
    const failure = core.faultState.takeFailure(info.path);
    if (failure) {
      if (failure.status === 429) return sendTooMany(rc, failure.retryAfterSec ?? 1);
      const [code, message] = FAIL_CODES[failure.status] ?? ['simulated.failure', 'Simulated failure.'];
      const headers: Record<string, string> = failure.retryAfterSec
        ? { 'Retry-After': String(failure.retryAfterSec) }
        : {};
      return sendError(rc.res, failure.status, code, message, {}, headers);
    }
  }
  switch (info.kind) {
    case 'login':
      return handleLogin(rc);
    case 'api':
      return handleApi(rc);
    case 'apps':
      return handleAgentPage(rc);
    case 'crm':
      return handleCrm(rc);
    case 'control':
      return handleControl(rc, sim);
    case 'streaming':
      return sendJson(rc.res, 426, { message: 'Upgrade to a WebSocket to use this channel' });
    default:
      return sendHtml(rc.res, 404, '<!doctype html><title>Not found</title><h1>Not found</h1>');
  }
}

/** The HTTP(S) request handler for every simulated host. */
export function requestHandler(core: Core, sim: Sim): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const hostHeader = req.headers.host ?? `${core.opts.host}`;
    const info = classify(hostHeader, url.pathname);
    const rc = requestContext(core, req, res, url, info);
    res.setHeader('ININ-Correlation-Id', core.ids.uuid());
    setCors(req, res);
    if (rc.method === 'OPTIONS') return preflight(req, res);
    res.on('finish', () => {
      if (info.kind === 'control') return;
      const counted = info.kind === 'login' || info.kind === 'api';
      if (counted) core.countRequest(rc.userId);
      if (core.opts.log) console.info(`[sim] ${rc.method} ${hostHeader}${url.pathname} -> ${res.statusCode}`);
      const ev = { method: rc.method, host: hostHeader, path: url.pathname, status: res.statusCode };
      core.emit('request', rc.userId ? { ...ev, userId: rc.userId } : ev);
    });
    dispatch(rc, sim).catch((err: unknown) => {
      console.error('[sim] handler failed', err);
      if (!res.headersSent)
        sendError(res, 500, 'internal.server.error', 'The simulator failed: {error}', { error: String(err) });
      else res.destroy();
    });
  };
}

export function upgradeHandler(core: Core): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const info = classify(req.headers.host ?? '', url.pathname);
    core.streaming.handleUpgrade(req, socket, head, info);
  };
}
