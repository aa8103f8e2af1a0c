/**
 * go.mod lines. ref. https://go.dev/ref/mod#go-mod-file-lexical: `//` comments to end of line,
 * interpreted ("…") and raw (`…`) strings, and `(` / `)` opening and closing a block of lines
 * that share a directive (`require (`…`)`).
 */
export interface ModLine {
  /** 1-based. */
  line: number;
  tokens: string[];
  /** Text of the trailing `//` comment, trimmed, or ''. */
  comment: string;
}

export type LexResult = { ok: true; lines: ModLine[] } | { ok: false; line: number; message: string };

export function lexGoMod(text: string): LexResult {
  const lines: ModLine[] = [];
  const raw = text.split('\n');
  for (let n = 0; n < raw.length; n++) {
    const source = (raw[n] ?? '').replace(/\r$/, '');
    const tokens: string[] = [];
    let comment = '';
    let i = 0;
    while (i < source.length) {
      const ch = source[i];
      if (ch === ' ' || ch === '\t') {
        i++;
      } else if (source.startsWith('//', i)) {
        comment = source.slice(i + 2).trim();
        break;
      } else if (ch === '"') {
        const end = closingQuote(source, i);
        if (end < 0) return { ok: false, line: n + 1, message: 'unterminated quoted string' };
        tokens.push(unquote(source.slice(i + 1, end)));
        i = end + 1;
      } else if (ch === '`') {
        const end = source.indexOf('`', i + 1);
        if (end < 0) return { ok: false, line: n + 1, message: 'unterminated raw string' };
        tokens.push(source.slice(i + 1, end));
        i = end + 1;
      } else if (ch === '(' || ch === ')') {
        tokens.push(ch);
        i++;
      } else {
        let j = i;
        while (j < source.length && !/[\s"`()]/.test(source[j] ?? '') && !source.startsWith('//', j)) j++;
        tokens.push(source.slice(i, j));
        i = j;
      }
    }
    if (tokens.length > 0 || comment !== '') lines.push({ line: n + 1, tokens, comment });
  }
  return { ok: true, lines };
}

function closingQuote(source: string, open: number): number {
  for (let j = open + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === '"') return j;
  }
  return -1;
}

/** Go string escapes that can appear in module paths and versions. */
function unquote(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}
