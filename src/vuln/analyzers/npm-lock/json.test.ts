import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJson } from './json.js';

describe('readJson', () => {
  it('reads values like JSON.parse and remembers the line of each object key', () => {
    const text = '{\n  "a": {\n    "b": [1, -2.5e3, true, null, "x\\u00e9\\n"],\n    "c": {}\n  }\n}\n';
    const read = readJson(text);
    assert.ok(read.ok);
    assert.deepEqual(read.value, JSON.parse(text));
    const a = (read.value as { a: { c: object } }).a;
    assert.equal(read.lineOf(a), 2);
    assert.equal(read.lineOf(a.c), 4);
  });

  it('keeps __proto__ as an own property, as JSON.parse does', () => {
    const read = readJson('{"__proto__": {"polluted": true}}');
    assert.ok(read.ok);
    assert.equal(Object.getPrototypeOf(read.value), Object.prototype);
    assert.deepEqual(Object.keys(read.value as object), ['__proto__']);
  });

  for (const [text, line] of [
    ['{\n  "a": 1,\n  "b": }', 3],
    ['{\n  "a": "unterminated', 2],
    ['[1, 2,\n\n]', 3],
    ['{"a": 1} trailing', 1],
    ['', 1],
    ['{"a": 01}', 1],
    ['{"a": "\\x"}', 1],
  ] as const) {
    it(`reports ${JSON.stringify(text)} as malformed on line ${line}`, () => {
      const read = readJson(text);
      assert.equal(read.ok, false);
      if (!read.ok) {
        assert.equal(read.line, line);
        assert.match(read.message, /^malformed JSON: /);
      }
    });
  }

  it('stops at absurd nesting instead of overflowing the stack', () => {
    const read = readJson('['.repeat(100000));
    assert.equal(read.ok, false);
  });
});
