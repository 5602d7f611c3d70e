/**
 * The agent page on apps.<domain>: a static, script-free stand-in for the Genesys UI the panel is
 * injected into.
 */
import { escapeHtml, sendHtml } from './http';
import type { RequestContext } from './request-context';

/**
 * A static, self-contained imitation of the Genesys Cloud agent UI (apps.<domain>). Its regions carry
 * stable ids and data-testids (#gc-topbar, #gc-nav, #gc-main, #gc-toolbar) so e2e tests can check that
 * the extension does not move or restyle them.
 */
export function agentPageHtml(domain: string): string {
  const nav = ['Activity', 'Inbox', 'Interactions', 'Directory', 'Performance', 'Admin']
    .map((n) => `<li><a href="#${n.toLowerCase()}" class="gc-nav-item">${n}</a></li>`)
    .join('');
  const tools = ['Calls', 'Queue', 'Chat', 'Notifications', 'Help']
    .map(
      (n) =>
        `<button type="button" class="gc-tool" data-testid="gc-tool-${n.toLowerCase()}" title="${n}">${n.slice(0, 1)}</button>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Genesys Cloud (simulated)</title>
<style>
*{box-sizing:border-box}html,body{margin:0;height:100%;font-family:Roboto,system-ui,sans-serif;color:#33383d}
#gc-topbar{position:fixed;top:0;left:0;right:0;height:48px;background:#152935;color:#fff;display:flex;align-items:center;padding:0 16px;gap:16px;z-index:10}
#gc-topbar .logo{font-weight:700;color:#ff4f1f}#gc-topbar .status{margin-left:auto;background:#1d7f3a;padding:4px 10px;border-radius:12px;font-size:13px}
#gc-nav{position:fixed;top:48px;bottom:0;left:0;width:64px;background:#22313f;padding:8px 0}
#gc-nav ul{list-style:none;margin:0;padding:0}#gc-nav a{display:block;color:#cfd8dc;font-size:10px;text-align:center;padding:14px 2px;text-decoration:none}
#gc-main{position:fixed;top:48px;bottom:0;left:64px;right:56px;background:#f4f5f7;padding:16px;overflow:auto}
#gc-main h2{margin:0 0 12px;font-size:18px}.gc-interactions{list-style:none;margin:0;padding:0}
.gc-interactions li{background:#fff;border:1px solid #dfe3e8;border-radius:4px;padding:12px;margin-bottom:8px}
#gc-toolbar{position:fixed;top:48px;bottom:0;right:0;width:56px;background:#fff;border-left:1px solid #dfe3e8;display:flex;flex-direction:column;align-items:center;padding-top:8px;gap:8px}
.gc-tool{width:40px;height:40px;border-radius:50%;border:1px solid #c5ccd3;background:#fff;cursor:pointer}
</style></head>
<body>
<header id="gc-topbar" data-testid="gc-topbar"><span class="logo">Genesys Cloud</span><span>Simulated org on ${escapeHtml(domain)}</span><span class="status" data-testid="gc-status">Available</span></header>
<nav id="gc-nav" data-testid="gc-nav"><ul>${nav}</ul></nav>
<main id="gc-main" data-testid="gc-main"><h2>Interactions</h2>
<ul class="gc-interactions" data-testid="gc-interactions"><li>No active interactions. Conversations appear here in the real product.</li></ul></main>
<aside id="gc-toolbar" data-testid="gc-toolbar">${tools}</aside>
</body></html>`;
}

export function handleAgentPage(rc: RequestContext): void {
  sendHtml(rc.res, 200, agentPageHtml(rc.info.local ? rc.info.hostHeader : `apps.${rc.info.domain}`));
}
