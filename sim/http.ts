/**
 * Small HTTP helpers shared by every handler: body reading (1 MiB cap), JSON/HTML/empty answers,
 * redirects, HTML escaping, cookies and Genesys-style error bodies (`Models.ErrorBody`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Models } from 'purecloud-platform-client-v2';

export const MAX_BODY = 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=UTF-8',
    'Content-Length': Buffer.byteLength(html),
    ...headers,
  });
  res.end(html);
}

export function redirect(
  res: ServerResponse,
  location: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0, ...headers });
  res.end();
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A Genesys-style error body (Models.ErrorBody). `template` may contain `{name}` placeholders
 * filled from `params` to make `message`; `messageWithParams` keeps the placeholders.
 */
export function errorBody(
  status: number,
  code: string,
  template: string,
  contextId: string,
  params: Record<string, string> = {},
): Models.ErrorBody {
  const message = template.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? `{${k}}`);
  return {
    message,
    code,
    status,
    messageWithParams: template,
    messageParams: params,
    contextId,
    details: [],
    errors: [],
  };
}

export function correlationIdOf(res: ServerResponse): string {
  const v = res.getHeader('ININ-Correlation-Id');
  return typeof v === 'string' ? v : '';
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  template: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, errorBody(status, code, template, correlationIdOf(res), params), headers);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  return JSON.parse(text);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
