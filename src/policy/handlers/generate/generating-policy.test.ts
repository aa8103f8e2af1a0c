import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { loadPolicyText } from '../../load/index.js';
import { libraryBindings } from '../../cel/index.js';
import { createMemoryLookups } from '../../lookups/index.js';
import { NO_LOOKUPS } from '../../ports.js';
import { generatingPolicyRules, runCelGenerate } from './generating-policy.js';

const SPEC: JsonObject = {
  matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['namespaces'] }] },
  variables: [
    { name: 'targetNs', expression: 'object.metadata.name' },
    { name: 'downstream', expression: '[{"apiVersion": dyn("v1"), "kind": dyn("ConfigMap"), "metadata": dyn({"name": "cm"}), "data": dyn({"count": 2})}]' },
  ],
  generate: [{ expression: 'generator.Apply(variables.targetNs, variables.downstream)' }],
};
const data = (name: string): JsonObject => ({ request: { operation: 'CREATE', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } } });

describe('GeneratingPolicy', () => {
  it('converts to one rule with a generate.cel block', () => {
    const { rules, problems } = generatingPolicyRules('gp', SPEC);
    assert.deepEqual(problems, []);
    assert.equal(rules.length, 1);
    assert.deepEqual(Object.keys((rules[0]?.['generate'] ?? {}) as JsonObject), ['cel']);
  });

  it('reports invalid CEL and a missing generate list', () => {
    const { problems } = generatingPolicyRules('gp', { variables: [{ name: 'x', expression: 'object.(' }] });
    assert.deepEqual(
      problems.map((p) => p.path.join('.')),
      ['spec.variables.0.expression', 'spec.generate'],
    );
  });

  it('generator.Apply collects the downstream objects in the namespace', () => {
    const cel = (generatingPolicyRules('gp', SPEC).rules[0]?.['generate'] as JsonObject)['cel'] as JsonObject;
    const out = runCelGenerate('gp', cel, data('team-a'));
    assert.equal(out.status, 'pass');
    assert.deepEqual(out.generated, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'team-a' }, data: { count: 2 } }]);
  });

  it('an expression error is an error result', () => {
    const out = runCelGenerate('gp', { generate: [{ expression: 'generator.Apply(object.missing.name, [])' }] }, data('x'));
    assert.equal(out.status, 'error');
  });

  it('loads as a rule-less policy', () => {
    const text = `apiVersion: policies.kyverno.io/v1alpha1\nkind: GeneratingPolicy\nmetadata:\n  name: gp\nspec:\n  generate:\n  - expression: generator.Apply("x", [])\n`;
    const loaded = loadPolicyText('gp.yaml', text);
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.policies[0]?.kind, 'GeneratingPolicy');
    assert.equal(loaded.policies[0]?.ruleless, true);
    assert.equal(loaded.policies[0]?.rules[0]?.type, 'generate');
  });

  it('clones existing objects found through resource.List; an unresolved lookup is an error', () => {
    const cel: JsonObject = {
      variables: [{ name: 'sources', expression: "resource.List('v1', 'configmaps', 'template').items" }],
      generate: [{ expression: 'generator.Apply(object.metadata.name, variables.sources)' }],
    };
    const lookups = createMemoryLookups({ resources: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'base', namespace: 'template' } }] });
    const outcome = runCelGenerate('gp', cel, data('team-a'), libraryBindings(lookups, () => new Date()));
    assert.equal(outcome.status, 'pass');
    assert.deepEqual(outcome.generated.map((g) => (g['metadata'] as JsonObject)['namespace']), ['team-a']);
    assert.equal(runCelGenerate('gp', cel, data('team-a'), libraryBindings(NO_LOOKUPS, () => new Date())).status, 'error');
  });
});
