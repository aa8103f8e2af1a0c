/**
 * A JSON reader (RFC 8259) that also remembers where each object starts: for an object that is a
 * member value, the line of its key (`"node_modules/wrappy": {` is the line a reader looks for).
 * package-lock.json files run to tens of megabytes, so lines are counted while parsing instead of
 * being searched for afterwards. JSON strings cannot hold raw newlines, so only whitespace counts.
 */
export type JsonReadResult = { ok: true; value: unknown; lineOf(object: object): number | undefined } | { ok: false; line: number; message: string };

/** Nesting beyond this is no lockfile; stop before the call stack does. */
const MAX_DEPTH = 1000;

class JsonSyntaxError {
  constructor(
    readonly line: number,
    readonly message: string,
  ) {}
}

export function readJson(text: string): JsonReadResult {
  const reader = new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    reader.skipWhitespace();
    const value = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos < reader.text.length) reader.fail('unexpected content after the JSON value');
    const lines = reader.lines;
    return { ok: true, value, lineOf: (object) => lines.get(object) };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, line: error.line, message: `malformed JSON: ${error.message}` };
    throw error;
  }
}

class Reader {
  pos = 0;
  line = 1;
  readonly lines = new WeakMap<object, number>();

  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(this.line, message);
  }

  skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) pos++;
      else if (c === 0x0a) {
        pos++;
        this.line++;
      } else break;
    }
    this.pos = pos;
  }

  /** A value at the current position; `keyLine` is the line of the member key that introduced it. */
  value(depth: number, keyLine = this.line): unknown {
    if (depth > MAX_DEPTH) this.fail('nesting is too deep');
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object(depth, keyLine);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case undefined:
        return this.fail('unexpected end of input');
      default:
        return this.number();
    }
  }

  object(depth: number, keyLine: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.lines.set(object, keyLine);
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return object;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('expected a string key');
      const line = this.line;
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after a key");
      this.pos++;
      this.skipWhitespace();
      const member = this.value(depth + 1, line);
      // `__proto__` must stay an ordinary own property, as JSON.parse keeps it.
      if (key === '__proto__') Object.defineProperty(object, key, { value: member, writable: true, enumerable: true, configurable: true });
      else object[key] = member;
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return object;
      if (next !== ',') this.fail("expected ',' or '}' in an object");
      this.skipWhitespace();
    }
  }

  array(depth: number): unknown[] {
    const array: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.value(depth + 1));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return array;
      if (next !== ',') this.fail("expected ',' or ']' in an array");
      this.skipWhitespace();
    }
  }

  string(): string {
    const text = this.text;
    const start = this.pos + 1;
    let end = start;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(end);
      if (Number.isNaN(c)) this.fail('unterminated string');
      if (c === 0x22) break;
      if (c < 0x20) this.fail('control character in a string');
      if (c === 0x5c) {
        escaped = true;
        end++;
      }
      end++;
    }
    this.pos = end + 1;
    if (!escaped) return text.slice(start, end);
    try {
      // The platform decodes escapes exactly per RFC 8259 §7; the slice is one string token.
      const decoded: unknown = JSON.parse(text.slice(start - 1, end + 1));
      if (typeof decoded === 'string') return decoded;
    } catch {
      // reported below
    }
    return this.fail('invalid escape in a string');
  }

  number(): number {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (found === null || found[0] === '' || found[0] === '-') this.fail(`unexpected character '${this.text[this.pos] ?? ''}'`);
    this.pos += found[0].length;
    return Number(found[0]);
  }

  literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`unexpected character '${this.text[this.pos] ?? ''}'`);
    this.pos += word.length;
    return value;
  }
}
