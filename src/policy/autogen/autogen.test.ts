import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { autogenControllers, autogenRules } from './autogen.js';

const rule = {
  name: 'check',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  preconditions: { all: [{ key: '{{ request.object.metadata.name }}', operator: 'NotEquals', value: '' }] },
  validate: { message: 'x', pattern: { spec: { containers: [{ image: '!*:latest' }] } } },
};

describe('autogen', () => {
  it('generates controller and cronjob rules with moved paths and patterns', () => {
    const [controllers, cronjob] = autogenRules(rule, autogenControllers({}));
    assert.equal(controllers?.['name'], 'autogen-check');
    assert.deepEqual((controllers?.['match'] as { any: Array<{ resources: { kinds: string[] } }> }).any[0]?.resources.kinds, ['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);
    assert.deepEqual((controllers?.['validate'] as { pattern: unknown }).pattern, { spec: { template: { spec: { containers: [{ image: '!*:latest' }] } } } });
    assert.match(JSON.stringify(controllers?.['preconditions']), /request\.object\.spec\.template\.metadata\.name/);
    assert.equal(cronjob?.['name'], 'autogen-cronjob-check');
    assert.deepEqual((cronjob?.['validate'] as { pattern: unknown }).pattern, { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ image: '!*:latest' }] } } } } } });
  });

  it('moves object paths in CEL expressions and celPreconditions', () => {
    const celRule = { ...rule, celPreconditions: [{ name: 'p', expression: 'has(object.spec.volumes)' }], validate: { cel: { expressions: [{ expression: 'object.metadata.name != ""' }] } } };
    const [controllers, cronjob] = autogenRules(celRule, autogenControllers({}));
    assert.match(JSON.stringify(controllers?.['celPreconditions']), /object\.spec\.template\.spec\.volumes/);
    assert.match(JSON.stringify(cronjob?.['validate']), /object\.spec\.jobTemplate\.spec\.template\.metadata\.name/);
  });

  it('wraps mutate patches, also inside foreach, and skips JSON patches', () => {
    const mutateRule = { name: 'm', match: rule.match, mutate: { foreach: [{ list: 'request.object.spec.containers', patchStrategicMerge: { spec: { containers: [{ name: '{{ element.name }}' }] } } }] } };
    const [controllers] = autogenRules(mutateRule, autogenControllers({}));
    const foreach = (controllers?.['mutate'] as { foreach: Array<{ list: string; patchStrategicMerge: unknown }> }).foreach[0];
    assert.equal(foreach?.list, 'request.object.spec.template.spec.containers');
    assert.deepEqual(foreach?.patchStrategicMerge, { spec: { template: { spec: { containers: [{ name: '{{ element.name }}' }] } } } });
    const jsonRule = { name: 'j', match: rule.match, mutate: { foreach: [{ list: 'x', patchesJson6902: '[]' }] } };
    assert.deepEqual(autogenRules(jsonRule, autogenControllers({})), []);
  });

  it('follows the autogen-controllers annotation', () => {
    const annotations = { 'pod-policies.kyverno.io/autogen-controllers': 'Deployment' };
    const generated = autogenRules(rule, autogenControllers(annotations));
    assert.deepEqual(generated.map((r) => r['name']), ['autogen-check']);
    assert.deepEqual(autogenRules(rule, autogenControllers({ 'pod-policies.kyverno.io/autogen-controllers': 'none' })), []);
  });

  it('does not generate for rules selecting other kinds or by name', () => {
    assert.deepEqual(autogenRules({ ...rule, match: { any: [{ resources: { kinds: ['Pod', 'Service'] } }] } }, autogenControllers({})), []);
    assert.deepEqual(autogenRules({ ...rule, match: { any: [{ resources: { kinds: ['Pod'], names: ['a*'] } }] } }, autogenControllers({})), []);
  });
});
