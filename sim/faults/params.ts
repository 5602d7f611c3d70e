/**
 * How a fault's parameters are described, typed, read and shown. From one spec per parameter come
 * the TypeScript signature, the defaults of in-process calls, the control API's parsing (named
 * `{"userId":…,"closeAfterMs":…}` or positional `[…]`) and the signature in sim/README.md.
 *
 * Invariants: every parameter may be left out (it then takes its default, or stays undefined when it
 * has none), so a spec's TypeScript arguments are all optional. An options object (a group) is
 * positional as one object and, in the control API's named form, spread into the top level.
 * Reading is lenient, as the control API always was: a number may come as a numeric string and a
 * value of the wrong kind counts as absent; only a value outside an enumeration is refused.
 */
import { isRecord } from '../http';

/** A scalar kind, or the allowed strings of an enumeration. */
export type Kind = 'string' | 'number' | 'boolean' | readonly string[];

export interface FieldSpec {
  readonly name: string;
  readonly kind: Kind;
  readonly default?: string | number | boolean;
  /** More names the control API's named form accepts (`crmDown {"on": true}`). */
  readonly aliases?: readonly string[];
}

/** An options object (`{closeAfterMs}`) or a record argument (`failNext(rule)`). */
export interface GroupSpec {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
}

export type ParamSpec = FieldSpec | GroupSpec;

type KindType<K> = K extends 'string'
  ? string
  : K extends 'number'
    ? number
    : K extends 'boolean'
      ? boolean
      : K extends readonly (infer V)[]
        ? V
        : never;

type Resolved<F> = F extends { kind: infer K; default: unknown }
  ? KindType<K>
  : F extends { kind: infer K }
    ? KindType<K> | undefined
    : never;

type FieldsOf<G extends GroupSpec> = G['fields'][number];

/** What the caller passes for one parameter. */
type InputOf<P> = P extends GroupSpec
  ? { [F in FieldsOf<P> as F['name']]?: KindType<F['kind']> }
  : P extends FieldSpec
    ? KindType<P['kind']>
    : never;

/** What the implementation receives for one parameter: defaults filled in. */
type ResolvedOf<P> = P extends GroupSpec ? { [F in FieldsOf<P> as F['name']]: Resolved<F> } : Resolved<P>;

/** The caller's argument list: every argument optional. */
export type InputArgs<Ps extends readonly ParamSpec[]> = { -readonly [I in keyof Ps]?: InputOf<Ps[I]> };
/** The implementation's argument list: every argument present, defaults filled in. */
export type ResolvedArgs<Ps extends readonly ParamSpec[]> = { -readonly [I in keyof Ps]: ResolvedOf<Ps[I]> };
/** The control API's named form: every scalar and every group field at the top level. */
export type NamedArgs<Ps extends readonly ParamSpec[]> = {
  [F in Ps[number] extends infer P ? (P extends GroupSpec ? FieldsOf<P> : P) : never as F extends FieldSpec
    ? F['name']
    : never]?: F extends FieldSpec ? KindType<F['kind']> : never;
};

export const isGroup = (p: ParamSpec): p is GroupSpec => 'fields' in p;

function readValue(field: FieldSpec, v: unknown): unknown {
  const { kind } = field;
  if (v === undefined || v === null) return undefined;
  if (kind === 'string') return typeof v === 'string' ? v : undefined;
  if (kind === 'number')
    return typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : undefined;
  if (kind === 'boolean') return Boolean(v);
  if (typeof v === 'string' && kind.includes(v)) return v;
  throw new Error(`${field.name} must be one of ${kind.join(', ')}`);
}

function readField(field: FieldSpec, from: Record<string, unknown>): unknown {
  const given = [field.name, ...(field.aliases ?? [])].map((n) => from[n]).find((v) => v !== undefined);
  return readValue(field, given) ?? field.default;
}

/**
 * The implementation's arguments from positional ones (in-process calls, a JSON array) or, when
 * `positional` is undefined, from the named form (a JSON object).
 */
export function resolveArgs(
  params: readonly ParamSpec[],
  positional: readonly unknown[] | undefined,
  named: Record<string, unknown> = {},
): unknown[] {
  return params.map((p, i) => {
    if (isGroup(p)) {
      const given = positional ? positional[i] : named;
      const from = isRecord(given) ? given : {};
      return Object.fromEntries(p.fields.map((f) => [f.name, readField(f, from)]));
    }
    return readField(p, positional ? { [p.name]: positional[i] } : named);
  });
}

const shown = (f: FieldSpec): string =>
  f.default === undefined ? `${f.name}?` : `${f.name} = ${JSON.stringify(f.default).replaceAll('"', "'")}`;

/** `socketClosing(userId?, {closeAfterMs = 60000})`. */
export function signature(name: string, params: readonly ParamSpec[]): string {
  const list = params.map((p) => (isGroup(p) ? `{${p.fields.map(shown).join(', ')}}` : shown(p)));
  return `${name}(${list.join(', ')})`;
}
