import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateConditions } from './evaluate.js';
import { applyOperator, normaliseOperator } from './operators.js';

describe('applyOperator', () => {
  it('Equals uses wildcards on the value and magnitudes for quantities', () => {
    assert.equal(applyOperator('Equals', 'nginx:1.2', 'nginx:*'), true);
    assert.equal(applyOperator('Equals', '1Gi', '1024Mi'), true);
    assert.equal(applyOperator('NotEquals', 'a', 'b'), true);
    assert.equal(applyOperator('Equals', 3, '3'), true);
  });

  it('set operators over scalar and list keys', () => {
    assert.equal(applyOperator('AnyIn', ['a', 'x'], ['a', 'b']), true);
    assert.equal(applyOperator('AllIn', ['a', 'x'], ['a', 'b']), false);
    assert.equal(applyOperator('AnyNotIn', ['a', 'x'], ['a', 'b']), true);
    assert.equal(applyOperator('AllNotIn', ['a', 'x'], ['a', 'b']), false);
    assert.equal(applyOperator('AnyIn', 'CREATE', ['CREATE', 'UPDATE']), true);
    assert.equal(applyOperator('AnyIn', ['*'], ['escalate']), true);
    assert.equal(applyOperator('AnyIn', 5, ['1-10']), true);
    assert.equal(applyOperator('AnyNotIn', 'x', null), false);
  });

  it('ordered and duration operators', () => {
    assert.equal(applyOperator('GreaterThan', '2Gi', '1Gi'), true);
    assert.equal(applyOperator('LessThanOrEquals', 3, 3), true);
    assert.equal(applyOperator('GreaterThan', '1.10.0', '1.9.3'), true);
    assert.equal(applyOperator('DurationGreaterThan', '2h', '90m'), true);
    assert.equal(applyOperator('DurationLessThan', 30, '1m'), true);
  });

  it('normalises operator names and rejects unknown ones', () => {
    assert.equal(normaliseOperator('equals'), 'Equals');
    assert.equal(normaliseOperator('Contains'), undefined);
  });
});

describe('evaluateConditions', () => {
  const data = { request: { operation: 'CREATE', object: { metadata: { name: 'a' } } } };
  it('any/all blocks', () => {
    const block = { all: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'CREATE' }], any: [{ key: '{{ request.object.metadata.name }}', operator: 'AnyIn', value: ['b', 'a'] }] };
    assert.equal(evaluateConditions(block, data, 'strict').passed, true);
  });
  it('a missing variable in preconditions is an empty string', () => {
    const block = { all: [{ key: '{{ request.object.spec.type }}', operator: 'Equals', value: '' }] };
    assert.equal(evaluateConditions(block, data, 'empty').passed, true);
    assert.throws(() => evaluateConditions(block, data, 'strict'), /not found/);
  });
});
