import { Environment } from '@marcbachmann/cel-js';
import { asArray, asObject, asString } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import { applyJsonPatch, deepEqual } from '../handlers/mutate/json-patch.js';
import type { JsonPatchOperation } from '../handlers/mutate/json-patch.js';
import { strategicMerge } from '../handlers/mutate/strategic-merge.js';
import type { RuleStatus } from '../api.js';
import { normaliseCel } from './environment.js';
import type { CelInput } from './validate.js';
import { celActivation } from './validate.js';
import { registerKyvernoLibraries } from './libraries.js';

/**
 * MutatingPolicy / MutatingAdmissionPolicy mutations, ref. kubernetes.io/docs "Mutating Admission
 * Policy" and kyverno.io/docs "MutatingPolicy". Each mutation is a CEL expression evaluated in
 * order against the object as left by the previous one:
 * - `ApplyConfiguration`: the expression builds an object (`Object{...}`, `Object.spec{...}`) that is
 *   merged into the object with structured-merge semantics (maps merge, keyed lists merge by key,
 *   other lists are replaced);
 * - `JSONPatch`: the expression builds a list of `JSONPatch{op, path, value}` applied as RFC 6902.
 */
export interface CelMutateOutcome {
  status: RuleStatus;
  message: string;
  patched?: JsonObject;
}

let shared: Environment | undefined;

/** Like the validation environment, plus the admission mutation helpers. */
export function celMutateEnvironment(): Environment {
  if (shared === undefined) {
    shared = new Environment({ enableOptionalTypes: true, unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false });
    // ref. kubernetes.io "JSONPatch type" — `jsonpatch.escapeKey` escapes a key for a JSON pointer.
    shared.registerFunction('jsonpatch_escapeKey(string): string', (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1'));
    shared.registerFunction('list.indexOf(dyn): int', (list: unknown[], value: unknown) => BigInt(list.findIndex((x) => x === value || deepEqual(toJson(x), toJson(value)))));
    shared.registerFunction('list.join(string): string', (list: unknown[], sep: string) => list.map(String).join(sep));
    shared.registerFunction('string.replace(string, string): string', (s: string, from: string, to: string) => s.split(from).join(to));
    shared.registerFunction('list.join(): string', (list: unknown[]) => list.map(String).join(''));
    registerKyvernoLibraries(shared);
  }
  return shared;
}

/**
 * cel-js has no message construction, so `Object{a: x}`, `Object.spec{...}` and `JSONPatch{...}`
 * are rewritten to dynamic map literals with quoted field names; `jsonpatch.escapeKey(` becomes a
 * plain function call.
 */
export function rewriteTypedLiterals(expression: string): string {
  let out = '';
  const stack: ('struct' | 'other')[] = [];
  let i = 0;
  const n = expression.length;
  const fieldName = (): void => {
    const m = /\s*([A-Za-z_]\w*)\s*:/y;
    m.lastIndex = i;
    const hit = m.exec(expression);
    if (hit !== null) {
      out += `"${hit[1] ?? ''}":`;
      i = m.lastIndex;
    }
  };
  while (i < n) {
    const ch = expression[i] ?? '';
    if (ch === '"' || ch === "'") {
      const triple = expression.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      let j = i + quote.length;
      while (j < n && !expression.startsWith(quote, j)) j += expression[j] === '\\' ? 2 : 1;
      out += expression.slice(i, j + quote.length);
      i = j + quote.length;
      continue;
    }
    const prev = i > 0 ? (expression[i - 1] ?? '') : '';
    if (/[A-Za-z_]/.test(ch) && !/[\w.]/.test(prev)) {
      const typed = /(?:Object(?:\.[A-Za-z_]\w*)*|JSONPatch)\s*\{/y;
      typed.lastIndex = i;
      if (typed.exec(expression) !== null) {
        out += 'dyn({';
        i = typed.lastIndex;
        stack.push('struct');
        fieldName();
        continue;
      }
      if (expression.startsWith('jsonpatch.escapeKey(', i)) {
        out += 'jsonpatch_escapeKey(';
        i += 'jsonpatch.escapeKey('.length;
        stack.push('other');
        continue;
      }
      const hasCall = /has\s*\(/y;
      hasCall.lastIndex = i;
      if (hasCall.exec(expression) !== null) {
        const close = matchingClose(expression, hasCall.lastIndex - 1);
        if (close > 0) {
          out += rewriteHas(expression.slice(hasCall.lastIndex, close));
          i = close + 1;
          continue;
        }
      }
      const word = /[A-Za-z_]\w*/y;
      word.lastIndex = i;
      word.exec(expression);
      out += expression.slice(i, word.lastIndex);
      i = word.lastIndex;
      continue;
    }
    if (ch === '{' || ch === '(' || ch === '[') {
      stack.push('other');
      out += ch;
      i++;
      continue;
    }
    if (ch === '}' || ch === ')' || ch === ']') {
      const top = stack.pop();
      out += top === 'struct' && ch === '}' ? '})' : ch;
      i++;
      continue;
    }
    out += ch;
    i++;
    if (ch === ',' && stack[stack.length - 1] === 'struct') fieldName();
  }
  return out;
}

/** Index of the bracket closing the one at `open`, skipping string literals; -1 if none. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && --depth === 0) return i;
  }
  return -1;
}

/**
 * cel-js only accepts `has()` on a field chain rooted at an identifier; cel-go also accepts
 * `has(list[i].field)`. Such a call is rewritten to bind the indexed prefix first.
 */
function rewriteHas(argument: string): string {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < argument.length; i++) {
    const ch = argument[i] ?? '';
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < argument.length && argument[j] !== ch) j += argument[j] === '\\' ? 2 : 1;
      i = j;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && --depth === 0) last = i;
  }
  const tail = argument.slice(last + 1);
  if (last < 0 || !/^(\s*\.\??\s*[A-Za-z_]\w*)+\s*$/.test(tail)) return `has(${rewriteTypedLiterals(argument)})`;
  return `cel.bind(__has, ${rewriteTypedLiterals(argument.slice(0, last + 1))}, has(__has${tail}))`;
}

const programs = new Map<string, ReturnType<Environment['parse']>>();

/** Parses once per distinct expression; the program is reused for every resource. */
export function compileMutateCel(expression: string): ReturnType<Environment['parse']> {
  let program = programs.get(expression);
  if (program === undefined) {
    program = celMutateEnvironment().parse(rewriteTypedLiterals(normaliseCel(expression)));
    programs.set(expression, program);
  }
  return program;
}

export function evaluateMutateCel(expression: string, activation: Record<string, unknown>): unknown {
  return compileMutateCel(expression)(activation);
}

/** CEL values back to JSON: ints are BigInt, maps may be Map. */
export function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = toJson(v);
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return value;
}

/** `variables` computed lazily, each seeing the earlier ones, as in admission policies. */
function activationFor(input: CelInput, variablesSpec: unknown): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const activation = celActivation(input, variables);
  for (const raw of asArray(variablesSpec)) {
    const v = asObject(raw);
    const name = asString(v?.['name']);
    const expression = asString(v?.['expression']);
    if (name === undefined || expression === undefined) continue;
    let cached: { value: unknown } | undefined;
    Object.defineProperty(variables, name, { enumerable: true, get: () => (cached ??= { value: evaluateMutateCel(expression, activation) }).value });
  }
  return activation;
}

/**
 * Runs the mutations of one MutatingPolicy on `input.object`. A policy that matched is reported
 * as `pass` even when its mutations change nothing, as Kyverno does; an evaluation error is `error`.
 */
export function runCelMutations(policyName: string, spec: JsonObject, input: CelInput): CelMutateOutcome {
  let current = toJson(input.object) as JsonObject;
  try {
    for (const raw of asArray(spec['mutations'])) {
      const mutation = asObject(raw) ?? {};
      const activation = activationFor({ ...input, object: current }, spec['variables']);
      const type = asString(mutation['patchType']);
      if (type === 'ApplyConfiguration') {
        const expression = asString(asObject(mutation['applyConfiguration'])?.['expression']) ?? '';
        const patch = toJson(evaluateMutateCel(expression, activation));
        if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new Error('applyConfiguration expression must return an object');
        current = strategicMerge(current, patch) as JsonObject;
      } else if (type === 'JSONPatch') {
        const expression = asString(asObject(mutation['jsonPatch'])?.['expression']) ?? '';
        const ops = toJson(evaluateMutateCel(expression, activation));
        if (!Array.isArray(ops)) throw new Error('jsonPatch expression must return a list of JSONPatch');
        const operations: JsonPatchOperation[] = ops.filter((o) => o !== null).map((o) => o as JsonPatchOperation);
        current = applyJsonPatch(current, operations) as JsonObject;
      } else {
        return { status: 'error', message: `unsupported patchType ${type ?? '(none)'}` };
      }
    }
  } catch (cause) {
    return { status: 'error', message: `mutation failed: ${(cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? ''}` };
  }
  return { status: 'pass', message: `mutation policy ${policyName} applied`, patched: current };
}
