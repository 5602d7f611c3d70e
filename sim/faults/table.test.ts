/** The fault table: README list equal to it, defaults, named vs positional forms, refusals. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isGroup, resolveArgs } from './params';
import { BEGIN, END, faultsMarkdown } from './readme';
import { applyFault, bindFaults, FAULT_NAMES, FAULTS, type FaultImpl, type Faults } from './table';

const params = <N extends keyof typeof FAULTS>(n: N) => FAULTS[n].params;

/** A Faults whose every call records its (resolved) arguments. */
function recorder(): { faults: Faults; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const impl = Object.fromEntries(
    FAULT_NAMES.map((n) => [n, (...args: unknown[]) => calls.push([n, args])]),
  ) as unknown as FaultImpl;
  return { faults: bindFaults(impl), calls };
}

describe('fault table', () => {
  it('sim/README.md lists exactly the table (regenerate: npx tsx sim/faults/write-readme.ts)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END)).trim();
    expect(section).toBe(faultsMarkdown());
    const listed = [...section.matchAll(/^\| `(\w+)\(/gm)].map((m) => m[1]);
    expect(listed).toEqual(FAULT_NAMES);
  });

  it('every default reads back as itself', () => {
    for (const name of FAULT_NAMES) {
      for (const p of params(name)) {
        for (const f of isGroup(p) ? p.fields : [p]) {
          if (!('default' in f)) continue;
          const [got] = resolveArgs([f], undefined, { [f.name]: f.default });
          expect(got, `${name}.${f.name}`).toBe(f.default);
        }
      }
    }
  });

  it('named and positional forms give the same arguments, options objects included', () => {
    expect(resolveArgs(params('reorderNext'), undefined, { n: 5, windowMs: 100 })).toEqual([
      5,
      { windowMs: 100 },
    ]);
    expect(resolveArgs(params('reorderNext'), [5, { windowMs: 100 }])).toEqual([5, { windowMs: 100 }]);
    expect(resolveArgs(params('socketClosing'), ['u1'])).toEqual(['u1', { closeAfterMs: 60_000 }]);
    expect(resolveArgs(params('failNext'), undefined, { status: '429', retryAfterSec: 3 })).toEqual([
      { status: 429, count: 1, retryAfterSec: 3, pathPrefix: undefined },
    ]);
    expect(resolveArgs(params('crmDown'), undefined, { on: false })).toEqual([false]);
    expect(resolveArgs(params('closeSockets'), undefined, { code: '4001', reason: 7 })).toEqual([
      4001,
      '',
      undefined,
    ]);
  });

  it('in-process calls get the same defaults as the control API', () => {
    const { faults, calls } = recorder();
    faults.reorderNext(3);
    faults.sendMalformed('u1');
    applyFault(faults, 'reorderNext', { n: 3, windowMs: 40 });
    applyFault(faults, 'stallHeartbeats', []);
    expect(calls).toEqual([
      ['reorderNext', [3, { windowMs: 500 }]],
      ['sendMalformed', ['u1', 'not-json']],
      ['reorderNext', [3, { windowMs: 40 }]],
      ['stallHeartbeats', [true]],
    ]);
  });

  it('refuses an unknown fault and a value outside an enumeration', () => {
    const { faults } = recorder();
    expect(() => applyFault(faults, 'nope', {})).toThrow('unknown fault nope');
    expect(() => applyFault(faults, 'toString', {})).toThrow('unknown fault toString');
    expect(() => applyFault(faults, 'sendMalformed', { kind: 'bogus' })).toThrow(
      /kind must be one of not-json/,
    );
  });
});
