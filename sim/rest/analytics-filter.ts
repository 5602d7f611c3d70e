/**
 * The analytics query filter both observation and activity queries take (`RoutingActivityQueryFilter`,
 * `QueueObservationQueryFilter`): `{type: 'and'|'or', predicates?: [{dimension, operator?, value?}],
 * clauses?: [{type, predicates}]}`; operators `matches` (default), `exists`, `notExists`. Parsing
 * answers what is wrong in words; evaluation runs over a row of dimension values.
 */
import { isRecord } from '../http';

export interface Predicate {
  dimension: string;
  operator: 'matches' | 'exists' | 'notExists';
  value?: string;
}

export interface Filter {
  type: 'and' | 'or';
  predicates: Predicate[];
  clauses: Filter[];
}

const OPERATORS = new Set(['matches', 'exists', 'notExists']);

function parsePredicates(v: unknown, dimensions: ReadonlySet<string>): Predicate[] | string {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return 'predicates must be an array';
  const out: Predicate[] = [];
  for (const p of v) {
    if (!isRecord(p) || typeof p.dimension !== 'string') return 'every predicate needs a dimension';
    if (!dimensions.has(p.dimension)) return `unknown dimension ${p.dimension}`;
    const operator = p.operator ?? 'matches';
    if (typeof operator !== 'string' || !OPERATORS.has(operator))
      return `unknown operator ${String(operator)}`;
    if (operator === 'matches' && typeof p.value !== 'string')
      return `the predicate on ${p.dimension} needs a value`;
    out.push({
      dimension: p.dimension,
      operator: operator as Predicate['operator'],
      value: p.value as string | undefined,
    });
  }
  return out;
}

/** The filter, or the reason it is not valid; an absent filter matches everything. */
export function parseFilter(v: unknown, dimensions: ReadonlySet<string>): Filter | string {
  if (v === undefined) return { type: 'and', predicates: [], clauses: [] };
  if (!isRecord(v) || (v.type !== 'and' && v.type !== 'or')) return "filter.type must be 'and' or 'or'";
  const predicates = parsePredicates(v.predicates, dimensions);
  if (typeof predicates === 'string') return predicates;
  const clauses: Filter[] = [];
  if (v.clauses !== undefined) {
    if (!Array.isArray(v.clauses)) return 'clauses must be an array';
    for (const cl of v.clauses) {
      const parsed = parseFilter(cl, dimensions);
      if (typeof parsed === 'string') return parsed;
      clauses.push(parsed);
    }
  }
  return { type: v.type, predicates, clauses };
}

/** Every `matches` value given for a dimension (e.g. the queue ids a query names). */
export function valuesOf(f: Filter, dimension: string): string[] {
  return [
    ...f.predicates
      .filter((p) => p.dimension === dimension && p.value !== undefined)
      .map((p) => p.value as string),
    ...f.clauses.flatMap((c) => valuesOf(c, dimension)),
  ];
}

/** Whether a row (an object of dimension values) passes the filter. */
export function matches(f: Filter, row: object): boolean {
  const tests = [
    ...f.predicates.map((p) => {
      const raw = (row as Record<string, unknown>)[p.dimension];
      const v = typeof raw === 'string' ? raw : undefined;
      if (p.operator === 'exists') return v !== undefined;
      if (p.operator === 'notExists') return v === undefined;
      return v !== undefined && v.toLowerCase() === p.value?.toLowerCase();
    }),
    ...f.clauses.map((c) => matches(c, row)),
  ];
  if (tests.length === 0) return true;
  return f.type === 'and' ? tests.every(Boolean) : tests.some(Boolean);
}
