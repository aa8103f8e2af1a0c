import {
  registerFunction,
  TYPE_ANY,
  TYPE_ARRAY,
  TYPE_NUMBER,
  TYPE_OBJECT,
  TYPE_STRING,
} from '@jmespath-community/jmespath';
import type { InputSignature, JSONValue } from '@jmespath-community/jmespath';
import { load as loadYaml } from 'js-yaml';
import { parseQuantity } from '../../k8s/index.js';
import { wildcardMatch } from '../conditions/wildcard.js';
import { formatDuration, parseDuration } from './duration.js';

/**
 * Kyverno's JMESPath extensions (ref. kyverno.io/docs "JMESPath" custom filters). Names and argument
 * orders follow Kyverno's documentation; behaviour is re-implemented here.
 */
type Fn = (args: JSONValue[]) => JSONValue;

const S: InputSignature = { types: [TYPE_STRING] };
const N: InputSignature = { types: [TYPE_NUMBER] };
const ANY: InputSignature = { types: [TYPE_ANY] };
const OBJ: InputSignature = { types: [TYPE_OBJECT] };
const ARR: InputSignature = { types: [TYPE_ARRAY] };

function str(v: JSONValue | undefined): string {
  return typeof v === 'string' ? v : JSON.stringify(v ?? null);
}

/** Numbers, quantities (`10Mi`) and durations (`1h`) all take part in Kyverno arithmetic. */
type Operand = { kind: 'number' | 'quantity' | 'duration'; value: number; text: string };

function operand(v: JSONValue | undefined): Operand {
  if (typeof v === 'number') return { kind: 'number', value: v, text: String(v) };
  if (typeof v === 'string') {
    // Quantities first (`5m` is 5 milli, as in Kubernetes), then Go durations (`1h30m`).
    const q = parseQuantity(v);
    if (q !== undefined) return { kind: /^[+-]?[\d.]+$/.test(v.trim()) ? 'number' : 'quantity', value: q, text: v };
    const d = parseDuration(v);
    if (d !== undefined) return { kind: 'duration', value: d, text: v };
  }
  throw new Error(`invalid operand ${str(v)}: not a number, quantity or duration`);
}

function arith(op: (a: number, b: number) => number): Fn {
  return ([a, b]) => {
    const x = operand(a);
    const y = operand(b);
    const value = op(x.value, y.value);
    if (x.kind === 'duration' || y.kind === 'duration') return formatDuration(value);
    if (x.kind === 'quantity' || y.kind === 'quantity') return formatQuantity(value);
    return value;
  };
}

function formatQuantity(n: number): string {
  for (const [suffix, factor] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (n !== 0 && n % factor === 0) return `${n / factor}${suffix}`;
  }
  if (!Number.isInteger(n)) return `${Math.round(n * 1000)}m`;
  return String(n);
}

function goRegex(pattern: string): RegExp {
  // Go RE2 inline flags like (?i) at the start are common in policies; JS wants them as flags.
  const m = /^\(\?([imsU]+)\)/.exec(pattern);
  if (m === null) return new RegExp(pattern);
  return new RegExp(pattern.slice(m[0].length), (m[1] ?? '').replace('U', '').replace(/[^ims]/g, ''));
}

function timeOf(v: JSONValue | undefined): number {
  const t = Date.parse(str(v));
  if (Number.isNaN(t)) throw new Error(`invalid time ${str(v)}`);
  return t;
}

const FUNCTIONS: Array<[string, Fn, InputSignature[]]> = [
  ['to_upper', ([s]) => str(s).toUpperCase(), [S]],
  ['to_lower', ([s]) => str(s).toLowerCase(), [S]],
  ['trim', ([s, c]) => trimChars(str(s), str(c)), [S, S]],
  ['trim_prefix', ([s, p]) => (str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s)), [S, S]],
  ['split', ([s, sep]) => str(s).split(str(sep)), [S, S]],
  ['replace', ([s, old, nw, n]) => replaceN(str(s), str(old), str(nw), typeof n === 'number' ? n : -1), [S, S, S, N]],
  ['replace_all', ([s, old, nw]) => str(s).split(str(old)).join(str(nw)), [S, S, S]],
  ['equal_fold', ([a, b]) => str(a).toLowerCase() === str(b).toLowerCase(), [S, S]],
  ['compare', ([a, b]) => (str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0), [S, S]],
  ['regex_match', ([re, s]) => goRegex(str(re)).test(typeof s === 'string' ? s : str(s)), [S, { types: [TYPE_STRING, TYPE_NUMBER] }]],
  ['regex_replace_all', ([re, s, rep]) => str(s).replace(new RegExp(goRegex(str(re)).source, 'g'), str(rep).replace(/\$\{?(\d+)\}?/g, '$$$1')), [S, { types: [TYPE_STRING, TYPE_NUMBER] }, { types: [TYPE_STRING, TYPE_NUMBER] }]],
  ['regex_replace_all_literal', ([re, s, rep]) => str(s).replace(new RegExp(goRegex(str(re)).source, 'g'), () => str(rep)), [S, { types: [TYPE_STRING, TYPE_NUMBER] }, { types: [TYPE_STRING, TYPE_NUMBER] }]],
  ['pattern_match', ([p, s]) => wildcardMatch(str(p), typeof s === 'string' ? s : str(s)), [S, { types: [TYPE_STRING, TYPE_NUMBER] }]],
  ['label_match', ([sel, labels]) => labelMatch(sel, labels), [OBJ, OBJ]],
  ['to_boolean', ([s]) => parseBool(str(s)), [S]],
  ['add', arith((a, b) => a + b), [ANY, ANY]],
  ['subtract', arith((a, b) => a - b), [ANY, ANY]],
  ['multiply', arith((a, b) => a * b), [ANY, ANY]],
  ['divide', divide, [ANY, ANY]],
  ['modulo', arith((a, b) => a % b), [ANY, ANY]],
  ['round', ([n, d]) => Number((n as number).toFixed(d as number)), [N, N]],
  ['sum', sum, [ARR]],
  ['base64_decode', ([s]) => Buffer.from(str(s), 'base64').toString('utf8'), [S]],
  ['base64_encode', ([s]) => Buffer.from(str(s), 'utf8').toString('base64'), [S]],
  ['truncate', ([s, n]) => str(s).slice(0, Math.max(0, n as number)), [S, N]],
  ['parse_json', ([s]) => JSON.parse(str(s)) as JSONValue, [S]],
  ['parse_yaml', ([s]) => loadYaml(str(s)) as JSONValue, [S]],
  ['items', kyvernoItems, [{ types: [TYPE_OBJECT, TYPE_ARRAY] }, S, S]],
  ['object_from_lists', ([ks, vs]) => Object.fromEntries((ks as JSONValue[]).map((k, i) => [str(k), (vs as JSONValue[])[i] ?? null])), [ARR, ARR]],
  ['path_canonicalize', ([s]) => canonicalPath(str(s)), [S]],
  ['semver_compare', ([v, r]) => semverSatisfies(str(v), str(r)), [S, S]],
  ['time_now', () => new Date().toISOString().replace(/\.\d+Z$/, 'Z'), []],
  ['time_now_utc', () => new Date().toISOString().replace(/\.\d+Z$/, 'Z'), []],
  ['time_since', ([, a, b]) => formatDuration((str(b) === '' ? Date.now() : timeOf(b)) - timeOf(a)), [S, S, S]],
  ['time_add', ([t, d]) => new Date(timeOf(t) + (parseDuration(str(d)) ?? 0)).toISOString().replace(/\.\d+Z$/, 'Z'), [S, S]],
  ['time_parse', ([, t]) => new Date(timeOf(t)).toISOString().replace(/\.\d+Z$/, 'Z'), [S, S]],
  ['time_utc', ([t]) => new Date(timeOf(t)).toISOString().replace(/\.\d+Z$/, 'Z'), [S]],
  ['time_diff', ([a, b]) => formatDuration(timeOf(b) - timeOf(a)), [S, S]],
  ['time_before', ([a, b]) => timeOf(a) < timeOf(b), [S, S]],
  ['time_after', ([a, b]) => timeOf(a) > timeOf(b), [S, S]],
  ['time_between', ([t, a, b]) => timeOf(t) > timeOf(a) && timeOf(t) < timeOf(b), [S, S, S]],
  ['is_external_url', ([s]) => isExternalUrl(str(s)), [S]],
];

function trimChars(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s[start] ?? '')) start++;
  while (end > start && chars.includes(s[end - 1] ?? '')) end--;
  return s.slice(start, end);
}

function replaceN(s: string, old: string, nw: string, n: number): string {
  if (n < 0) return s.split(old).join(nw);
  let out = s;
  for (let i = 0; i < n && out.includes(old); i++) out = out.replace(old, nw);
  return out;
}

function parseBool(s: string): boolean {
  const t = s.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new Error(`lexical error: ${s} is not a boolean`);
}

function labelMatch(selector: JSONValue | undefined, labels: JSONValue | undefined): boolean {
  const sel = (selector ?? {}) as Record<string, JSONValue>;
  const have = (labels ?? {}) as Record<string, JSONValue>;
  return Object.entries(sel).every(([k, v]) => have[k] === v);
}

function divide([a, b]: JSONValue[]): JSONValue {
  const x = operand(a);
  const y = operand(b);
  if (y.value === 0) throw new Error('division by zero');
  // Same-unit division yields a plain ratio; dividing a unit by a number keeps the unit.
  if (x.kind !== 'number' && y.kind !== 'number') return x.value / y.value;
  const value = x.value / y.value;
  if (x.kind === 'duration') return formatDuration(value);
  if (x.kind === 'quantity') return formatQuantity(value);
  return value;
}

function sum([list]: JSONValue[]): JSONValue {
  const items = list as JSONValue[];
  if (items.length === 0) throw new Error('sum: at least one element required');
  let acc: JSONValue = items[0] ?? 0;
  const add = arith((a, b) => a + b);
  for (const item of items.slice(1)) acc = add([acc, item]);
  return acc;
}

function kyvernoItems([input, keyName, valName]: JSONValue[]): JSONValue {
  const k = str(keyName);
  const v = str(valName);
  if (Array.isArray(input)) return input.map((value, i) => ({ [k]: i, [v]: value }));
  const obj = (input ?? {}) as Record<string, JSONValue>;
  return Object.keys(obj)
    .sort()
    .map((key) => ({ [k]: key, [v]: obj[key] ?? null }));
}

function canonicalPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return (p.startsWith('/') ? '/' : '') + parts.join('/');
}

function semverParts(v: string): number[] {
  return v.replace(/^v/, '').split(/[-+]/)[0]!.split('.').map((x) => Number(x) || 0);
}

function cmpSemver(a: string, b: string): number {
  const x = semverParts(a);
  const y = semverParts(b);
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function semverSatisfies(version: string, range: string): boolean {
  return range.split('||').some((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .every((c) => {
        const m = /^(>=|<=|>|<|=|!=)?(.+)$/.exec(c);
        const op = m?.[1] ?? '=';
        const d = cmpSemver(version, m?.[2] ?? '');
        return op === '>=' ? d >= 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : op === '<' ? d < 0 : op === '!=' ? d !== 0 : d === 0;
      }),
  );
}

function isExternalUrl(s: string): boolean {
  try {
    const host = new URL(s).hostname;
    return !/^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[::1\])/.test(host) && !host.endsWith('.svc') && !host.endsWith('.local');
  } catch {
    return false;
  }
}

let registered = false;

/** Registers the extensions once per process; the library keeps one global function table. */
export function registerKyvernoFunctions(): void {
  if (registered) return;
  registered = true;
  for (const [name, fn, signature] of FUNCTIONS) {
    registerFunction(name, fn as (args: unknown[]) => JSONValue, signature, { override: true });
  }
}
