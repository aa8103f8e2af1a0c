import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BosunError } from '../../../kernel/index.js';
import { goRegExp } from './go-regexp.js';
import { compileSchema, sanitizeSchema } from './schema.js';

test('Go inline flags become pattern flags', () => {
  assert.equal(goRegExp('^(?i)ALL$', 'u').test('all'), true);
  assert.equal(goRegExp('^(?i:net_)ADMIN$', '').test('NET_admin'), true);
  assert.equal(goRegExp('^abc\\z', '').test('abc'), true);
  const validate = compileSchema({ type: 'array', contains: { pattern: '^(?i)SYS_ADMIN$' } }, 'test');
  assert.equal(validate(['sys_admin']), true);
  assert.equal(validate(['NET_RAW']), false);
});

test('resourceMinimum and resourceMaximum compare Kubernetes quantities', () => {
  const validate = compileSchema(
    { type: 'object', properties: { memory: { type: 'string', resourceMinimum: '100Mi', resourceMaximum: '6G' }, cpu: { resourceMinimum: '100m', resourceMaximum: '2' } } },
    'test',
  );
  assert.equal(validate({ memory: '250Mi', cpu: '1500m' }), true);
  assert.equal(validate({ memory: '6G', cpu: '2' }), true);
  assert.equal(validate({ memory: '99Mi' }), false);
  assert.equal(validate({ memory: '7G' }), false);
  assert.equal(validate({ cpu: '50m' }), false);
  assert.equal(validate({ cpu: 0.5 }), true);
  assert.equal(validate({ memory: 'lots' }), false);
});

test('Polaris schema quirks: $schema with #, empty keywords', () => {
  const validate = compileSchema({ $schema: 'https://json-schema.org/draft/2019-09/schema#', type: 'object', required: null, properties: { a: { const: 1 } } }, 'test');
  assert.equal(validate({}), true);
  assert.equal(validate({ a: 2 }), false);
  // A oneOf whose templated items rendered to nothing cannot be met.
  assert.deepEqual(sanitizeSchema({ oneOf: null, not: { const: null } }), { oneOf: [false], not: { const: null } });
  assert.equal(compileSchema({ oneOf: null }, 'test')({}), false);
});

test('an invalid schema is a config error', () => {
  assert.throws(() => compileSchema({ type: 'no-such-type' }, 'test'), (e: unknown) => e instanceof BosunError && e.code === 'config.invalid');
});
