/**
 * One HTTP request being answered, with the simulator state it may read; handed to every handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from './core';
import type { HostInfo } from './hosts';
import { readBody } from './http';

/** One HTTP request being answered. */
export interface RequestContext {
  core: Core;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  info: HostInfo;
  method: string;
  /** Set once the request is attributed to a user (valid token, code redemption). */
  userId?: string;
  body(): Promise<string>;
}

export function requestContext(
  core: Core,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: HostInfo,
): RequestContext {
  let cached: Promise<string> | undefined;
  return {
    core,
    req,
    res,
    url,
    info,
    method: (req.method ?? 'GET').toUpperCase(),
    body: () => {
      cached ??= readBody(req);
      return cached;
    },
  };
}
