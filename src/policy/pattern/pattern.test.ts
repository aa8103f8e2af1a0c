import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchPattern } from './pattern.js';
import { matchValue } from './value.js';
import { anchorProblem } from './anchors.js';

const pod = (spec: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'web' } }, spec });

describe('matchPattern', () => {
  it('requires named fields, even with a * value', () => {
    assert.equal(matchPattern(pod({}), { spec: { hostNetwork: '*' } }).kind, 'fail');
    assert.equal(matchPattern(pod({ hostNetwork: false }), { spec: { hostNetwork: false } }).kind, 'pass');
  });

  it('equality anchor: checks only when present', () => {
    const pattern = { spec: { '=(hostPID)': false } };
    assert.equal(matchPattern(pod({}), pattern).kind, 'pass');
    assert.equal(matchPattern(pod({ hostPID: false }), pattern).kind, 'pass');
    assert.deepEqual(matchPattern(pod({ hostPID: true }), pattern), { kind: 'fail', path: '/spec/hostPID/', reason: 'value true does not match false' });
  });

  it('conditional anchor: skips elements and the rule when nothing applies', () => {
    const pattern = { spec: { containers: [{ '(name)': 'nginx*', image: '*:1.*' }] } };
    assert.equal(matchPattern(pod({ containers: [{ name: 'nginx', image: 'nginx:1.2' }] }), pattern).kind, 'pass');
    assert.equal(matchPattern(pod({ containers: [{ name: 'nginx', image: 'nginx:latest' }] }), pattern).kind, 'fail');
    assert.equal(matchPattern(pod({ containers: [{ name: 'redis', image: 'redis:latest' }] }), pattern).kind, 'skip');
  });

  it('negation anchor forbids the key, wildcards included', () => {
    assert.equal(matchPattern(pod({ nodeName: 'a' }), { spec: { 'X(nodeName)': 'null' } }).kind, 'fail');
    assert.equal(matchPattern(pod({}), { spec: { 'X(nodeName)': 'null' } }).kind, 'pass');
    const obj = { metadata: { annotations: { 'nginx.org/server-snippet': 'x' } } };
    assert.equal(matchPattern(obj, { metadata: { '=(annotations)': { 'X(*-snippet)': '?*' } } }).kind, 'fail');
  });

  it('global anchor failure skips the whole pattern', () => {
    const pattern = { spec: { '<(hostNetwork)': true, containers: [{ name: 'x' }] } };
    const outcome = matchPattern(pod({ hostNetwork: false, containers: [{ name: 'y' }] }), pattern);
    assert.equal(outcome.kind, 'skip');
    assert.equal(outcome.kind === 'skip' && outcome.global, true);
  });

  it('existence anchor needs one matching element', () => {
    const pattern = { spec: { '^(containers)': [{ image: 'nginx*' }] } };
    assert.equal(matchPattern(pod({ containers: [{ image: 'redis' }, { image: 'nginx:1' }] }), pattern).kind, 'pass');
    assert.equal(matchPattern(pod({ containers: [{ image: 'redis' }] }), pattern).kind, 'fail');
  });

  it('applies a scalar pattern to every element of a list value', () => {
    const pattern = { spec: { '=(securityContext)': { '=(supplementalGroups)': '>0' } } };
    assert.equal(matchPattern(pod({ securityContext: { supplementalGroups: [32] } }), pattern).kind, 'pass');
    assert.equal(matchPattern(pod({ securityContext: { supplementalGroups: [32, 0] } }), pattern).kind, 'fail');
  });

  it('wildcard keys match labels', () => {
    assert.equal(matchPattern(pod({}), { metadata: { labels: { 'ap*': '?*' } } }).kind, 'pass');
    assert.equal(matchPattern(pod({}), { metadata: { labels: { 'team*': '?*' } } }).kind, 'fail');
  });
});

describe('matchValue operators', () => {
  it('compares numbers, quantities and ranges', () => {
    assert.equal(matchValue(5, '>4'), true);
    assert.equal(matchValue(4, '>4'), false);
    assert.equal(matchValue('2Gi', '<=2048Mi'), true);
    assert.equal(matchValue(8080, '1024-65535'), true);
    assert.equal(matchValue(80, '1024-65535'), false);
    assert.equal(matchValue(80, '1024!-65535'), true);
  });

  it('handles ! | & and wildcards', () => {
    assert.equal(matchValue('Always', '!Never'), true);
    assert.equal(matchValue('Never', '!Never'), false);
    assert.equal(matchValue('RuntimeDefault', 'RuntimeDefault | Localhost'), true);
    assert.equal(matchValue('Unconfined', 'RuntimeDefault | Localhost'), false);
    assert.equal(matchValue('ghcr.io/x', 'ghcr.io/*'), true);
    assert.equal(matchValue('', '?*'), false);
    assert.equal(matchValue(3, '>1 & <5'), true);
  });

  it('null pattern accepts empty values', () => {
    assert.equal(matchValue(undefined, null), true);
    assert.equal(matchValue('x', null), false);
  });
});

describe('anchorProblem', () => {
  it('reports broken anchors', () => {
    assert.equal(anchorProblem('=(name)'), undefined);
    assert.equal(anchorProblem('plain'), undefined);
    assert.match(anchorProblem('(name') ?? '', /closing parenthesis/);
    assert.match(anchorProblem('Y(name)') ?? '', /unknown anchor/);
  });
});
