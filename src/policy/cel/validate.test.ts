import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseCel } from './environment.js';
import { celPreconditionsHold, runCelValidate } from './validate.js';

const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const input = (object: unknown) => ({ object, oldObject: null, request: { operation: 'CREATE' }, namespaceObject: null });

describe('runCelValidate', () => {
  const cel = {
    variables: [{ name: 'containers', expression: 'object.spec.containers + object.spec.?initContainers.orValue([])' }],
    expressions: [
      {
        expression: "variables.containers.all(c, c.?securityContext.?privileged.orValue(false) == false)",
        messageExpression: "'privileged in ' + object.metadata.name",
      },
    ],
  };

  it('passes when every expression is true', () => {
    assert.equal(runCelValidate('r', cel, input(pod({ containers: [{ name: 'a' }] }))).status, 'pass');
  });

  it('fails with the messageExpression', () => {
    const outcome = runCelValidate('r', cel, input(pod({ containers: [{ name: 'a', securityContext: { privileged: true } }] })));
    assert.deepEqual(outcome, { status: 'fail', message: 'privileged in p' });
  });

  it('an expression that cannot be evaluated fails the request, with the reason', () => {
    const outcome = runCelValidate('r', { expressions: [{ expression: 'object.spec.missing == 1', message: 'm' }] }, input(pod({})));
    assert.equal(outcome.status, 'fail');
    assert.match(outcome.message, /^m \(expression error: .*missing/);
  });

  it("has Kyverno's parseServiceAccount", () => {
    const outcome = runCelValidate('r', { expressions: [{ expression: "parseServiceAccount(request.userInfo.username).Namespace == 'ns'" }] }, { ...input(pod({})), request: { userInfo: { username: 'system:serviceaccount:ns:sa' } } });
    assert.equal(outcome.status, 'pass');
  });

  it('sees the parameter object as params', () => {
    const cel = { expressions: [{ expression: "size(object.spec.containers) <= int(params.data.max)" }] };
    assert.equal(runCelValidate('r', cel, { ...input(pod({ containers: [{ name: 'a' }] })), params: { data: { max: '1' } } }).status, 'pass');
    assert.equal(runCelValidate('r', cel, { ...input(pod({ containers: [{ name: 'a' }, { name: 'b' }] })), params: { data: { max: '1' } } }).status, 'fail');
  });

  it('ignores evaluation errors under failurePolicy Ignore', () => {
    assert.equal(runCelValidate('r', { failurePolicy: 'Ignore', expressions: [{ expression: 'object.spec.missing == 1' }] }, input(pod({}))).status, 'skip');
  });
});

describe('celPreconditionsHold', () => {
  it('skips when a precondition is false', () => {
    const pre = [{ name: 'has-volumes', expression: 'has(object.spec.volumes)' }];
    assert.equal(celPreconditionsHold(pre, input(pod({}))).holds, false);
    assert.equal(celPreconditionsHold(pre, input(pod({ volumes: [] }))).holds, true);
  });
});

describe('normaliseCel', () => {
  it('turns orValue on a plain field access into an optional access, as cel-go tolerates', () => {
    assert.equal(normaliseCel('c.volumeMounts.orValue([])'), 'c.?volumeMounts.orValue([])');
    assert.equal(normaliseCel('c.?volumeMounts.orValue([])'), 'c.?volumeMounts.orValue([])');
    const outcome = runCelValidate('r', { expressions: [{ expression: 'object.spec.containers.all(c, c.volumeMounts.orValue([]).size() == 0)' }] }, input(pod({ containers: [{ name: 'a' }] })));
    assert.equal(outcome.status, 'pass');
  });
});
