import { Environment } from '@marcbachmann/cel-js';
import { registerKyvernoLibraries } from './libraries.js';

/**
 * One CEL environment for every policy, configured the way Kubernetes admission CEL behaves:
 * undeclared variables are dynamic, mixed list literals are allowed, and optional chaining
 * (`?.`, `[?k]`, `orValue`) is on. ref. kubernetes.io/docs "Common Expression Language in Kubernetes".
 */
let shared: Environment | undefined;

export function celEnvironment(): Environment {
  if (shared === undefined) {
    shared = new Environment({ enableOptionalTypes: true, unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false });
    // Kyverno's user library, ref. kyverno.io/docs "CEL libraries › User".
    shared.registerFunction('parseServiceAccount(string): map<string, string>', parseServiceAccount);
    registerKyvernoLibraries(shared);
  }
  return shared;
}

function parseServiceAccount(username: string): Map<string, string> {
  const m = /^system:serviceaccount:([^:]+):(.+)$/.exec(username);
  return new Map([
    ['Namespace', m?.[1] ?? ''],
    ['Name', m?.[2] ?? ''],
  ]);
}

/**
 * cel-go (Kyverno) accepts `x.field.orValue(d)` on a plain field access and returns the field;
 * cel-js requires an optional receiver. Policies in the wild rely on the former, so such
 * accesses are rewritten to optional ones (`x.?field.orValue(d)`) before evaluation. cel-go also
 * accepts `has(f(x).field)` (any operand), which cel-js limits to identifier chains; that form
 * becomes the equivalent `f(x).?field.hasValue()`.
 */
export function normaliseCel(expression: string): string {
  return rewriteHas(expression.replace(/\.(?!\?)([A-Za-z_]\w*)\.orValue\(/g, '.?$1.orValue('));
}

const PLAIN_SELECT = /^\s*[A-Za-z_]\w*(?:\s*\.\??\s*[A-Za-z_]\w*)+\s*$/;

function rewriteHas(expression: string): string {
  let out = '';
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i] ?? '';
    if (ch === '"' || ch === "'") {
      const end = stringEnd(expression, i);
      out += expression.slice(i, end);
      i = end;
      continue;
    }
    const prev = i > 0 ? (expression[i - 1] ?? '') : '';
    if (expression.startsWith('has(', i) && !/[\w.]/.test(prev)) {
      const close = closingParen(expression, i + 3);
      const arg = expression.slice(i + 4, close);
      const last = /\.\s*([A-Za-z_]\w*)\s*$/.exec(arg);
      if (close < expression.length && !PLAIN_SELECT.test(arg) && last !== null) {
        out += `(${rewriteHas(arg.slice(0, last.index))}.?${last[1] ?? ''}.hasValue())`;
        i = close + 1;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

function stringEnd(s: string, start: number): number {
  const q = s[start] ?? '';
  const quote = s.startsWith(q.repeat(3), start) ? q.repeat(3) : q;
  let j = start + quote.length;
  while (j < s.length && !s.startsWith(quote, j)) j += s[j] === '\\' ? 2 : 1;
  return Math.min(s.length, j + quote.length);
}

/** Index of the `)` closing the `(` at `open`, skipping strings; `s.length` when unbalanced. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  let j = open;
  while (j < s.length) {
    const c = s[j] ?? '';
    if (c === '"' || c === "'") {
      j = stringEnd(s, j);
      continue;
    }
    if (c === '(') depth += 1;
    if (c === ')' && --depth === 0) return j;
    j += 1;
  }
  return s.length;
}

type Program = ReturnType<Environment['parse']>;
const programs = new Map<string, Program>();

/**
 * Parses once per distinct expression (policies are compiled at load through this; evaluation
 * reuses the program). Throws the parse error.
 */
export function compileCel(expression: string): Program {
  let program = programs.get(expression);
  if (program === undefined) {
    program = celEnvironment().parse(normaliseCel(expression));
    programs.set(expression, program);
  }
  return program;
}

/** Evaluates a compiled expression with the shared environment. */
export function evaluateCel(expression: string, activation: Record<string, unknown>): unknown {
  return compileCel(expression)(activation);
}
