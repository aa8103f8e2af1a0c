import type { Item, Token } from './lex.js';
import { lexTemplate, templateError } from './lex.js';

export type Operand =
  | { type: 'field'; path: string[] }
  | { type: 'var'; name: string; path: string[] }
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'func'; name: string }
  | { type: 'sub'; pipe: Pipeline; path: string[] };

export interface Command {
  args: Operand[];
}

export interface Pipeline {
  decl: { names: string[]; mode: 'declare' | 'assign' } | undefined;
  commands: Command[];
}

export type Node =
  | { type: 'text'; text: string }
  | { type: 'output'; pipe: Pipeline }
  | { type: 'if' | 'with'; pipe: Pipeline; then: Node[]; otherwise: Node[] }
  | { type: 'range'; pipe: Pipeline; body: Node[]; otherwise: Node[] };

/** Functions the evaluator provides: Go's builtins we support plus Polaris's hasPrefix/hasSuffix. */
export const FUNCTIONS = new Set([
  'and', 'or', 'not', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'len', 'index', 'print', 'printf', 'println', 'hasPrefix', 'hasSuffix',
]);

/** Parses a template into a tree. Anything outside the supported subset is a config error. */
export function parseTemplate(source: string): Node[] {
  const parser = new TemplateParser(lexTemplate(source));
  const { nodes, end } = parser.list([]);
  if (end !== undefined) throw templateError(`unexpected {{${end}}}`);
  return nodes;
}

type Terminator = 'else' | 'end';

class TemplateParser {
  private position = 0;

  constructor(private readonly items: readonly Item[]) {}

  /** Nodes up to one of `stops` (consumed and returned with the tokens after the keyword). */
  list(stops: readonly Terminator[]): { nodes: Node[]; end: Terminator | undefined; rest: Token[] } {
    const nodes: Node[] = [];
    while (this.position < this.items.length) {
      const item = this.items[this.position];
      this.position += 1;
      if (item === undefined) break;
      if (item.kind === 'text') {
        nodes.push({ type: 'text', text: item.text });
        continue;
      }
      const [first, ...rest] = item.tokens;
      const keyword = first?.t === 'ident' ? first.name : undefined;
      if (keyword === 'end' || keyword === 'else') {
        if (!stops.includes(keyword)) throw templateError(`unexpected {{${keyword}}}`);
        if (keyword === 'end' && rest.length > 0) throw templateError('unexpected tokens after {{end}}');
        return { nodes, end: keyword, rest };
      }
      if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
        nodes.push(this.block(keyword, rest));
        continue;
      }
      if (keyword === 'define' || keyword === 'template' || keyword === 'block' || keyword === 'break' || keyword === 'continue') {
        throw templateError(`{{${keyword}}} is not supported`);
      }
      nodes.push({ type: 'output', pipe: parsePipeline(item.tokens) });
    }
    if (stops.length > 0) throw templateError('missing {{end}}');
    return { nodes, end: undefined, rest: [] };
  }

  private block(keyword: 'if' | 'with' | 'range', tokens: Token[]): Node {
    if (tokens.length === 0) throw templateError(`{{${keyword}}} needs a pipeline`);
    const pipe = parsePipeline(tokens);
    const body = this.list(['else', 'end']);
    let otherwise: Node[] = [];
    if (body.end === 'else') {
      const [next, ...rest] = body.rest;
      // `{{else if ...}}` chains share the final {{end}}, which the nested block consumes.
      if (next?.t === 'ident' && (next.name === 'if' || next.name === 'with') && keyword !== 'range') {
        otherwise = [this.block(next.name, rest)];
      } else {
        if (body.rest.length > 0) throw templateError('unexpected tokens after {{else}}');
        otherwise = this.list(['end']).nodes;
      }
    }
    if (keyword === 'range') return { type: 'range', pipe, body: body.nodes, otherwise };
    return { type: keyword, pipe, then: body.nodes, otherwise };
  }
}

function parsePipeline(tokens: readonly Token[]): Pipeline {
  let start = 0;
  let decl: Pipeline['decl'];
  const names: string[] = [];
  // Optional `$x :=`, `$x =` or `$k, $v :=` prefix.
  let i = 0;
  while (tokens[i]?.t === 'var') {
    const token = tokens[i];
    if (token?.t !== 'var' || token.path.length > 0) break;
    names.push(token.name);
    const next = tokens[i + 1];
    if (next?.t === 'comma') {
      i += 2;
      continue;
    }
    if (next?.t === 'declare' || next?.t === 'assign') {
      decl = { names, mode: next.t === 'declare' ? 'declare' : 'assign' };
      start = i + 2;
    }
    break;
  }
  if (decl !== undefined && decl.names.length > 2) throw templateError('too many variables in declaration');
  const commands: Command[] = [];
  let current: Operand[] = [];
  let k = start;
  while (k < tokens.length) {
    const token = tokens[k];
    if (token === undefined) break;
    if (token.t === 'pipe') {
      if (current.length === 0) throw templateError('missing command before "|"');
      commands.push({ args: current });
      current = [];
      k += 1;
      continue;
    }
    const operand = parseOperand(tokens, k);
    current.push(operand.operand);
    k = operand.next;
  }
  if (current.length === 0) throw templateError('empty pipeline');
  commands.push({ args: current });
  return { decl, commands };
}

function parseOperand(tokens: readonly Token[], k: number): { operand: Operand; next: number } {
  const token = tokens[k];
  switch (token?.t) {
    case 'field':
      return { operand: { type: 'field', path: token.path }, next: k + 1 };
    case 'var':
      return { operand: { type: 'var', name: token.name, path: token.path }, next: k + 1 };
    case 'literal':
      return { operand: { type: 'literal', value: token.value }, next: k + 1 };
    case 'ident':
      if (!FUNCTIONS.has(token.name)) throw templateError(`function "${token.name}" is not supported`);
      return { operand: { type: 'func', name: token.name }, next: k + 1 };
    case 'lparen': {
      let depth = 0;
      for (let j = k; j < tokens.length; j += 1) {
        const t = tokens[j];
        if (t?.t === 'lparen') depth += 1;
        if (t?.t === 'rparen') depth -= 1;
        if (t?.t === 'rparen' && depth === 0) {
          return { operand: { type: 'sub', pipe: parsePipeline(tokens.slice(k + 1, j)), path: t.path }, next: j + 1 };
        }
      }
      throw templateError('unclosed "("');
    }
    default:
      throw templateError(`unexpected ${token === undefined ? 'end of action' : `"${token.t}"`}`);
  }
}
