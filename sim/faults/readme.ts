/**
 * The fault list of sim/README.md, rendered from the fault table so the two cannot drift:
 * sim/faults/readme.test.ts fails when the README's section differs, and
 * `npx tsx sim/faults/write-readme.ts` rewrites it.
 */
import { FAULT_NAMES, FAULTS, faultSignature } from './table';

export const BEGIN =
  '<!-- faults:begin (generated from sim/faults/table.ts: npx tsx sim/faults/write-readme.ts) -->';
export const END = '<!-- faults:end -->';

/** The markdown table, columns padded like the README's other tables. */
export function faultsMarkdown(): string {
  const rows = FAULT_NAMES.map((n) => [`\`${faultSignature(n)}\``, FAULTS[n].effect]);
  const all = [['fault', 'effect'], ...rows];
  const width = [0, 1].map((i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i] ?? 0)).join(' | ')} |`;
  const [head = [], ...body] = all;
  return [line(head), `| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

/** The README text with its generated section replaced (throws when the markers are missing). */
export function withFaultsSection(readme: string): string {
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`sim/README.md lacks the ${BEGIN} … ${END} markers`);
  return `${readme.slice(0, from + BEGIN.length)}\n${faultsMarkdown()}\n${readme.slice(to)}`;
}
