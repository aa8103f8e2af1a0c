import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseYamlStream } from '../../../kernel/index.js';
import { emitDocument, scalar } from './emit.js';

/** Strings a naive emitter gets wrong: YAML 1.1/1.2 keywords and numbers, indicators, escapes, Unicode. */
const HOSTILE = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', '~', '', ' ', ' lead', 'trail ', '0', '010', '0x1F', '0o17', '1e3', '.5', '.inf', '-.Inf', '.NaN',
  '1_000', '12:30:00', '2026-11-23', '2026-11-23T12:00:00Z', '- item', '? key', ': value', 'a: b', 'a #b', '#c', '*alias', '&anchor', '!tag', '%YAML', '@at', '`tick`',
  '{a: 1}', '[1, 2]', '|', '>', "'single'", '"double"', 'back\\slash', 'tab\there', 'line\nbreak', 'cr\rlf', 'nul\u0000', 'del\u007f', 'nel\u0085', 'ls\u2028ps\u2029',
  'bom\ufeff', 'é ü 中文 🚀', 'Pod Security Standards (Baseline)', 'app.kubernetes.io/managed-by', "it's", '<<', '=', 'a,b', 'x:', 'x:y',
];

describe('YAML emitter', () => {
  it('round-trips hostile strings through a YAML 1.2 reader, a YAML 1.1 reader and the kernel loader', () => {
    const doc = { values: HOSTILE, keyed: Object.fromEntries(HOSTILE.map((s, i) => [s, i])) };
    const text = emitDocument(doc);
    assert.deepEqual(parse(text), doc);
    assert.deepEqual(parse(text, { version: '1.1' }), doc);
    const stream = parseYamlStream(text, { file: 'emitted.yaml' });
    assert.deepEqual(stream.errors, []);
    assert.deepEqual(stream.documents[0]?.value, doc);
  });

  it('writes ordinary names plain and everything doubtful quoted', () => {
    assert.equal(scalar('require-labels'), 'require-labels');
    assert.equal(scalar('Pod Security Standards (Baseline)'), 'Pod Security Standards (Baseline)');
    assert.equal(scalar('yes'), '"yes"');
    assert.equal(scalar('3f1c2a4e-0000'), '"3f1c2a4e-0000"');
    assert.equal(scalar('a: b'), '"a: b"');
    assert.equal(scalar(250_000_000), '250000000');
    assert.equal(scalar(false), 'false');
  });

  it('nests mappings in sequences, keeps empty collections, leaves undefined out', () => {
    const doc = { a: [{ b: 1, c: { d: 'x' } }, ['w'], 'z'], e: {}, f: [], g: undefined };
    const text = emitDocument(doc);
    assert.equal(text, 'a:\n  - b: 1\n    c:\n      d: x\n  -\n    - w\n  - z\ne: {}\nf: []\n');
    assert.deepEqual(parse(text), { a: [{ b: 1, c: { d: 'x' } }, ['w'], 'z'], e: {}, f: [] });
  });

  it('replaces a lone surrogate, which UTF-8 cannot carry', () => {
    assert.deepEqual(parse(emitDocument({ s: 'a\uD800b' })), { s: 'a\uFFFDb' });
  });
});
