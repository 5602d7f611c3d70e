/**
 * The demo CRM's HTTP side (crm.cuecard.test, or /crm/* on localhost): JSON lookups by phone, email
 * or text, escaped HTML record pages, the activity log (activities.ts); `crmDown`/`crmDelay` faults
 * apply to every request.
 */
import { escapeHtml, sendHtml, sendJson } from '../http';
import type { RequestContext } from '../request-context';
import { handleActivities } from './activities';
import { type Customer, type DemoCustomer, phoneKey, toCustomer } from './customers';

/** The demo CRM (crm.cuecard.test, or /crm/* on localhost). */
export async function handleCrm(rc: RequestContext): Promise<void> {
  const { crm } = rc.core.faultState;
  if (crm.delayMs > 0) await new Promise<void>((r) => rc.core.timers.later(crm.delayMs, r));
  if (crm.down) {
    if (rc.info.path.startsWith('/api/'))
      return sendJson(rc.res, 503, { error: 'service_unavailable', message: 'CRM is down' });
    return sendHtml(rc.res, 503, '<!doctype html><title>CRM down</title><h1>CRM unavailable</h1>');
  }
  const path = rc.info.path;
  if (path === '/api/activities') return handleActivities(rc);
  const customers = rc.core.customers;
  if (path === '/api/customers' && rc.method === 'GET') {
    const sp = rc.url.searchParams;
    const phone = sp.get('phone');
    const email = sp.get('email');
    const q = sp.get('q');
    let results: DemoCustomer[] = [];
    if (phone) {
      const key = phoneKey(phone);
      results = customers.filter((c) => key.length >= 7 && phoneKey(c.phone) === key);
    } else if (email) {
      results = customers.filter((c) => c.email.toLowerCase() === email.trim().toLowerCase());
    } else if (q) {
      const s = q.trim().toLowerCase();
      results = customers
        .filter((c) => [c.name, c.company, c.email, c.phone].some((v) => v.toLowerCase().includes(s)))
        .slice(0, 50);
    }
    return sendJson(rc.res, 200, { results: results.map(toCustomer) });
  }
  const api = /^\/api\/customers\/([^/]+)$/.exec(path);
  if (api && rc.method === 'GET') {
    const c = customers.find((x) => x.id === decodeURIComponent(api[1] ?? ''));
    if (!c) return sendJson(rc.res, 404, { error: 'not_found', message: 'No such customer' });
    return sendJson(rc.res, 200, toCustomer(c));
  }
  const page = /^\/customers\/([^/]+)$/.exec(path);
  if (page && rc.method === 'GET') {
    const c = customers.find((x) => x.id === decodeURIComponent(page[1] ?? ''));
    if (!c) return sendHtml(rc.res, 404, '<!doctype html><title>Not found</title><h1>No such customer</h1>');
    return sendHtml(rc.res, 200, recordPage(c));
  }
  if ((path === '/customers' || path === '/') && rc.method === 'GET') {
    const rows = customers
      .slice(0, 50)
      .map(
        (c) =>
          `<li><a href="/customers/${escapeHtml(c.id)}">${escapeHtml(c.name)}</a> (${escapeHtml(c.company)})</li>`,
      )
      .join('');
    return sendHtml(rc.res, 200, `<!doctype html><title>Demo CRM</title><h1>Demo CRM</h1><ul>${rows}</ul>`);
  }
  sendJson(rc.res, 404, { error: 'not_found', message: 'No such CRM resource' });
}

function recordPage(c: Customer): string {
  const row = (k: string, v: string | number) =>
    `<tr><th>${escapeHtml(k)}</th><td data-field="${escapeHtml(k.toLowerCase().replace(/\s+/g, '-'))}">${escapeHtml(String(v))}</td></tr>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(c.name)} - Demo CRM</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}th{text-align:left;padding-right:1rem}</style></head>
<body><h1 id="customer-name">${escapeHtml(c.name)}</h1><table id="customer-record" data-customer-id="${escapeHtml(c.id)}">
${row('Id', c.id)}${row('Company', c.company)}${row('Title', c.title)}${row('Tier', c.tier)}${row('Phone', c.phone)}${row('Email', c.email)}${row('Open cases', c.openCases)}${row('Last contact', c.lastContact)}
</table></body></html>`;
}
