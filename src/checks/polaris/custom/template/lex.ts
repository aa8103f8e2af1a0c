import { BosunError } from '../../../../kernel/index.js';

/**
 * Tokens of the Go text/template subset Polaris checks use. Only lexing happens here: nothing in a
 * template is ever executed as code. ref. https://pkg.go.dev/text/template (Actions, Arguments).
 */
export type Token =
  | { t: 'field'; path: string[] }
  | { t: 'var'; name: string; path: string[] }
  | { t: 'ident'; name: string }
  | { t: 'literal'; value: string | number | boolean | null }
  | { t: 'lparen' }
  | { t: 'rparen'; path: string[] }
  | { t: 'pipe' }
  | { t: 'declare' }
  | { t: 'assign' }
  | { t: 'comma' };

/** Template text split into literal text and actions (`{{ ... }}`), with trim markers applied. */
export type Item = { kind: 'text'; text: string } | { kind: 'action'; tokens: Token[]; offset: number };

export function templateError(message: string): BosunError {
  return new BosunError('config.invalid', `polaris custom check template: ${message}`);
}

export function lexTemplate(source: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let trimNext = false;
  while (pos < source.length) {
    const open = source.indexOf('{{', pos);
    let text = source.slice(pos, open < 0 ? source.length : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    trimNext = false;
    if (open < 0) {
      if (text !== '') items.push({ kind: 'text', text });
      break;
    }
    let at = open + 2;
    // `{{- ` trims the whitespace before the action; the space is required, as in Go.
    if (source[at] === '-' && /\s/.test(source[at + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      at += 2;
    }
    if (text !== '') items.push({ kind: 'text', text });
    const lexed = lexAction(source, at);
    if (lexed.tokens.length > 0) items.push({ kind: 'action', tokens: lexed.tokens, offset: open });
    trimNext = lexed.trimRight;
    pos = lexed.end;
  }
  return items;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[+-]?(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)/y;

function lexAction(src: string, start: number): { tokens: Token[]; end: number; trimRight: boolean } {
  const tokens: Token[] = [];
  let i = start;
  const commentStart = skipSpaces(src, i);
  if (src.startsWith('/*', commentStart)) {
    const close = src.indexOf('*/', commentStart + 2);
    if (close < 0) throw templateError('unclosed comment');
    return closeAction(src, close + 2, tokens);
  }
  for (;;) {
    if (i >= src.length) throw templateError('unclosed action (missing "}}")');
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      const next = skipSpaces(src, i);
      if (src.startsWith('-}}', next) || src.startsWith('}}', next)) return closeAction(src, i, tokens);
      i += 1;
      continue;
    }
    if (src.startsWith('}}', i)) return closeAction(src, i, tokens);
    if (c === '(') {
      tokens.push({ t: 'lparen' });
      i += 1;
    } else if (c === ')') {
      i += 1;
      const chained = readFieldChain(src, i);
      tokens.push({ t: 'rparen', path: chained.path });
      i = chained.end;
    } else if (c === '|') {
      tokens.push({ t: 'pipe' });
      i += 1;
    } else if (c === ',') {
      tokens.push({ t: 'comma' });
      i += 1;
    } else if (src.startsWith(':=', i)) {
      tokens.push({ t: 'declare' });
      i += 2;
    } else if (c === '=') {
      tokens.push({ t: 'assign' });
      i += 1;
    } else if (c === '"' || c === '`') {
      const str = readString(src, i);
      tokens.push({ t: 'literal', value: str.value });
      i = str.end;
    } else if (c === '.' && !/[0-9]/.test(src[i + 1] ?? '')) {
      const chained = readFieldChain(src, i);
      tokens.push({ t: 'field', path: chained.path });
      i = chained.end === i ? i + 1 : chained.end;
    } else if (c === '$') {
      IDENT.lastIndex = i + 1;
      const m = IDENT.exec(src);
      const name = m === null ? '$' : `$${m[0]}`;
      const chained = readFieldChain(src, i + name.length);
      tokens.push({ t: 'var', name, path: chained.path });
      i = chained.end;
    } else if (/[0-9+\-.]/.test(c)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      if (m === null) throw templateError(`unexpected "${c}" in action`);
      const value = Number(m[0].replace(/_/g, ''));
      if (Number.isNaN(value)) throw templateError(`bad number "${m[0]}"`);
      tokens.push({ t: 'literal', value });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      IDENT.lastIndex = i;
      const name = IDENT.exec(src)?.[0] ?? c;
      i += name.length;
      if (name === 'true' || name === 'false') tokens.push({ t: 'literal', value: name === 'true' });
      else if (name === 'nil') tokens.push({ t: 'literal', value: null });
      else tokens.push({ t: 'ident', name });
    } else {
      throw templateError(`unexpected "${c}" in action`);
    }
  }
}

function skipSpaces(src: string, i: number): number {
  let j = i;
  while (j < src.length && /\s/.test(src[j] ?? '')) j += 1;
  return j;
}

function closeAction(src: string, i: number, tokens: Token[]): { tokens: Token[]; end: number; trimRight: boolean } {
  const j = skipSpaces(src, i);
  if (j > i && src.startsWith('-}}', j)) return { tokens, end: j + 3, trimRight: true };
  if (src.startsWith('}}', j)) return { tokens, end: j + 2, trimRight: false };
  throw templateError('unclosed action (missing "}}")');
}

/** `.a.b` after a variable, a closing parenthesis, or on its own; `.` alone is the empty chain. */
function readFieldChain(src: string, start: number): { path: string[]; end: number } {
  const path: string[] = [];
  let i = start;
  while (src[i] === '.') {
    IDENT.lastIndex = i + 1;
    const m = IDENT.exec(src);
    if (m === null) break;
    path.push(m[0]);
    i += 1 + m[0].length;
  }
  if (path.length === 0 && src[start] === '.') return { path, end: start + 1 };
  return { path, end: i };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };

function readString(src: string, start: number): { value: string; end: number } {
  const quote = src[start];
  if (quote === '`') {
    const close = src.indexOf('`', start + 1);
    if (close < 0) throw templateError('unterminated raw string');
    return { value: src.slice(start + 1, close), end: close + 1 };
  }
  let out = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === '"') return { value: out, end: i + 1 };
    if (c === '\n') break;
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (next === 'x' || next === 'u' || next === 'U') {
        const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) throw templateError('bad escape in string');
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + len;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) throw templateError(`unknown escape "\\${next}" in string`);
      out += escaped;
      i += 2;
      continue;
    }
    out += c;
    i += 1;
  }
  throw templateError('unterminated string');
}
