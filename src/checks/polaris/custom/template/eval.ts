import { isObject } from '../../../../k8s/index.js';
import { templateError } from './lex.js';
import type { Command, Node, Operand, Pipeline } from './parse.js';

/** Go's "no value": a missing map key. It prints as `<no value>` and is false, unlike nil. */
export const MISSING: unique symbol = Symbol('missing');
type Value = unknown;

/** Output cap: a template ranging over huge data must not exhaust memory. */
const MAX_OUTPUT = 4 * 1024 * 1024;

interface Frame {
  vars: Map<string, Value>;
}

/**
 * Evaluates a parsed template against data, with Go text/template semantics for the subset
 * parse.ts accepts: missing keys yield "no value", `and`/`or` short-circuit and return an operand,
 * maps range in sorted key order. ref. https://pkg.go.dev/text/template
 */
export function evaluateTemplate(nodes: readonly Node[], data: Value): string {
  const out: string[] = [];
  let size = 0;
  const write = (text: string): void => {
    size += text.length;
    if (size > MAX_OUTPUT) throw templateError('output too large');
    out.push(text);
  };
  const scopes: Frame[] = [{ vars: new Map([['$', data]]) }];

  const lookupVar = (name: string): Value => {
    for (let i = scopes.length - 1; i >= 0; i -= 1) {
      const frame = scopes[i];
      if (frame?.vars.has(name) === true) return frame.vars.get(name);
    }
    throw templateError(`undefined variable "${name}"`);
  };
  const assignVar = (name: string, value: Value): void => {
    for (let i = scopes.length - 1; i >= 0; i -= 1) {
      const frame = scopes[i];
      if (frame?.vars.has(name) === true) {
        frame.vars.set(name, value);
        return;
      }
    }
    throw templateError(`undefined variable "${name}"`);
  };
  const declare = (name: string, value: Value): void => {
    scopes[scopes.length - 1]?.vars.set(name, value);
  };

  const operand = (op: Operand, dot: Value): Value => {
    switch (op.type) {
      case 'field':
        return walk(dot, op.path);
      case 'var':
        return walk(lookupVar(op.name), op.path);
      case 'literal':
        return op.value;
      case 'sub':
        return walk(pipeline(op.pipe, dot), op.path);
      case 'func':
        return call(op.name, [], dot, undefined);
    }
  };

  const call = (name: string, args: readonly Operand[], dot: Value, piped: { value: Value } | undefined): Value => {
    // and/or evaluate lazily so a guard can protect the operands after it.
    if (name === 'and' || name === 'or') {
      const all = piped === undefined ? args.map((a) => () => operand(a, dot)) : [...args.map((a) => () => operand(a, dot)), () => piped.value];
      if (all.length === 0) throw templateError(`${name} needs arguments`);
      let last: Value = undefined;
      for (const next of all) {
        last = next();
        if (truthy(last) === (name === 'or')) return last;
      }
      return last;
    }
    const values = args.map((a) => operand(a, dot));
    if (piped !== undefined) values.push(piped.value);
    return builtin(name, values);
  };

  const command = (cmd: Command, dot: Value, piped: { value: Value } | undefined): Value => {
    const [head, ...rest] = cmd.args;
    if (head === undefined) throw templateError('empty command');
    if (head.type === 'func') return call(head.name, rest, dot, piped);
    if (rest.length > 0 || piped !== undefined) throw templateError('only functions take arguments');
    return operand(head, dot);
  };

  const pipeline = (pipe: Pipeline, dot: Value): Value => {
    let piped: { value: Value } | undefined;
    for (const cmd of pipe.commands) piped = { value: command(cmd, dot, piped) };
    const value = piped?.value;
    if (pipe.decl !== undefined) {
      for (const name of pipe.decl.names) {
        if (pipe.decl.mode === 'declare') declare(name, value);
        else assignVar(name, value);
      }
    }
    return value;
  };

  const run = (nodes: readonly Node[], dot: Value): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          write(node.text);
          break;
        case 'output': {
          const value = pipeline(node.pipe, dot);
          if (node.pipe.decl === undefined) write(formatValue(value));
          break;
        }
        case 'if':
        case 'with': {
          scopes.push({ vars: new Map() });
          const value = pipeline(node.pipe, dot);
          if (truthy(value)) run(node.then, node.type === 'with' ? value : dot);
          else run(node.otherwise, dot);
          scopes.pop();
          break;
        }
        case 'range':
          scopes.push({ vars: new Map() });
          rangeOver(node, dot);
          scopes.pop();
          break;
      }
    }
  };

  const rangeOver = (node: Extract<Node, { type: 'range' }>, dot: Value): void => {
    const names = node.pipe.decl?.names ?? [];
    const source = pipeline({ decl: undefined, commands: node.pipe.commands }, dot);
    const entries: Array<[Value, Value]> = Array.isArray(source)
      ? source.map((v, i) => [i, v])
      : isObject(source)
        ? Object.keys(source).sort().map((k) => [k, source[k]])
        : [];
    if (!Array.isArray(source) && !isObject(source) && truthy(source)) throw templateError(`range can't iterate over ${formatValue(source)}`);
    if (entries.length === 0) {
      run(node.otherwise, dot);
      return;
    }
    for (const [key, value] of entries) {
      scopes.push({ vars: new Map() });
      if (names.length === 1 && names[0] !== undefined) declare(names[0], value);
      if (names.length === 2 && names[0] !== undefined && names[1] !== undefined) {
        declare(names[0], key);
        declare(names[1], value);
      }
      run(node.body, value);
      scopes.pop();
    }
  };

  run(nodes, data);
  return out.join('');
}

/** `.a.b` on a value. Missing keys, and keys of nothing, are "no value" rather than errors. */
function walk(value: Value, path: readonly string[]): Value {
  let current = value;
  for (const key of path) {
    if (isObject(current)) current = Object.hasOwn(current, key) ? current[key] : MISSING;
    else current = MISSING;
  }
  return current;
}

/** Go's truth: false, 0, nil, empty string/list/map and "no value" are false. */
export function truthy(value: Value): boolean {
  if (value === MISSING || value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** fmt's %v for the values YAML decodes to. */
export function formatValue(value: Value): string {
  if (value === MISSING || value === undefined) return '<no value>';
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  if (value instanceof Date) return value.toISOString();
  if (isObject(value)) return `map[${Object.keys(value).sort().map((k) => `${k}:${formatValue(value[k])}`).join(' ')}]`;
  return String(value);
}

function equal(a: Value, b: Value): boolean {
  if (a === MISSING || b === MISSING) return false;
  if (typeof a === 'object' && a !== null) throw templateError('eq/ne compare only basic values');
  return a === b;
}

function compare(name: string, a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw templateError(`${name} compares two numbers or two strings`);
}

function arity(name: string, values: readonly Value[], min: number, max = min): void {
  if (values.length < min || values.length > max) throw templateError(`wrong number of arguments for ${name}`);
}

function builtin(name: string, values: Value[]): Value {
  switch (name) {
    case 'not':
      arity(name, values, 1);
      return !truthy(values[0]);
    case 'eq': {
      if (values.length < 2) throw templateError('eq needs two arguments');
      const [first, ...rest] = values;
      return rest.some((v) => equal(first, v));
    }
    case 'ne':
      arity(name, values, 2);
      return !equal(values[0], values[1]);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      arity(name, values, 2);
      const c = compare(name, values[0], values[1]);
      return name === 'lt' ? c < 0 : name === 'le' ? c <= 0 : name === 'gt' ? c > 0 : c >= 0;
    }
    case 'len': {
      arity(name, values, 1);
      const v = values[0];
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (isObject(v)) return Object.keys(v).length;
      throw templateError(`len of ${formatValue(v)}`);
    }
    case 'index': {
      if (values.length < 1) throw templateError('index needs an argument');
      let current = values[0];
      for (const key of values.slice(1)) {
        if (Array.isArray(current) && typeof key === 'number') current = key >= 0 && key < current.length ? current[key] : MISSING;
        else if (isObject(current) && typeof key === 'string') current = Object.hasOwn(current, key) ? current[key] : MISSING;
        else if (current === MISSING || current === null || current === undefined) current = MISSING;
        else throw templateError(`can't index ${formatValue(current)} with ${formatValue(key)}`);
      }
      return current;
    }
    case 'print':
      // fmt.Sprint puts a space between operands when neither is a string.
      return values.reduce<string>((acc, v, i) => {
        const spaced = i > 0 && typeof v !== 'string' && typeof values[i - 1] !== 'string';
        return acc + (spaced ? ' ' : '') + formatValue(v);
      }, '');
    case 'println':
      return `${values.map(formatValue).join(' ')}\n`;
    case 'printf':
      return sprintf(values);
    case 'hasPrefix':
    case 'hasSuffix': {
      arity(name, values, 2);
      const [s, affix] = values;
      if (typeof s !== 'string' || typeof affix !== 'string') return false;
      return name === 'hasPrefix' ? s.startsWith(affix) : s.endsWith(affix);
    }
    default:
      throw templateError(`function "${name}" is not supported`);
  }
}

/** The common fmt verbs: %s %v %d %q %t %%. */
function sprintf(values: readonly Value[]): string {
  const [format, ...args] = values;
  if (typeof format !== 'string') throw templateError('printf needs a format string');
  let n = 0;
  return format.replace(/%([svdqt%])/g, (_match, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[n];
    n += 1;
    if (n > args.length) return `%!${verb}(MISSING)`;
    return verb === 'q' ? JSON.stringify(formatValue(arg)) : formatValue(arg);
  });
}
