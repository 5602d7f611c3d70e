/**
 * CPU time per process over a stretch of the benchmark (Linux /proc; empty elsewhere), so a missed
 * latency target can say where the time went: the page's renderer (panel), the extension's
 * renderer (service worker), Chromium's browser process, this Node process (simulator + harness),
 * and everything else on the machine that is not this benchmark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface Proc {
  ppid: number;
  cpuSec: number;
  cmd: string;
}

const TICKS = 100; // USER_HZ on Linux

function readProcs(): Map<number, Proc> {
  const out = new Map<number, Proc>();
  if (!existsSync('/proc')) return out;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(d), {
        ppid: Number(f[1]),
        cpuSec: (Number(f[11]) + Number(f[12])) / TICKS,
        cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' '),
      });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function label(pid: number, p: Proc, mine: Set<number>): string {
  if (!mine.has(pid)) return 'rest of the machine';
  if (pid === process.pid) return 'node (simulator + harness)';
  if (!p.cmd.includes('chromium') && !p.cmd.includes('chrome')) return 'node (simulator + harness)';
  if (p.cmd.includes('--extension-process')) return 'extension renderer (worker)';
  if (p.cmd.includes('--type=renderer')) return 'page renderer (panel)';
  if (p.cmd.includes('--type=gpu-process')) return 'chromium gpu';
  if (p.cmd.includes('--type=utility')) return 'chromium network/utility';
  if (!p.cmd.includes('--type=')) return 'chromium browser';
  return 'chromium other';
}

export interface CpuSample {
  at: number;
  procs: Map<number, Proc>;
}

export const cpuSnapshot = (): CpuSample => ({ at: Date.now(), procs: readProcs() });

/** Share of one core per group between two snapshots (100 = one core busy). */
export function cpuShares(a: CpuSample, b: CpuSample): Record<string, number> {
  const secs = (b.at - a.at) / 1000;
  const mine = new Set<number>([process.pid]);
  // This process and its descendants (the browser Playwright launched, and its children).
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of b.procs)
      if (!mine.has(pid) && mine.has(p.ppid)) {
        mine.add(pid);
        grew = true;
      }
  }
  const out: Record<string, number> = {};
  for (const [pid, p] of b.procs) {
    const before = a.procs.get(pid)?.cpuSec ?? 0;
    const used = p.cpuSec - before;
    if (used <= 0) continue;
    const k = label(pid, p, mine);
    out[k] = (out[k] ?? 0) + used;
  }
  for (const k of Object.keys(out)) out[k] = Math.round(((out[k] ?? 0) / secs) * 100);
  return Object.fromEntries(Object.entries(out).sort((x, y) => y[1] - x[1]));
}
