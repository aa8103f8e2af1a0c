import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { selectorMatches } from '../../../k8s/index.js';
import { runGenerate } from './generate.js';

const ns: JsonObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { tier: 'gold' } } };
const context = (object: JsonObject): JsonObject => ({ request: { operation: 'CREATE', object, namespace: '' } });

describe('runGenerate', () => {
  it('data: substitutes variables and sets apiVersion, kind, name and namespace', () => {
    const out = runGenerate(
      'r',
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', name: 'deny', namespace: '{{request.object.metadata.name}}', synchronize: true, data: { metadata: { labels: { t: '{{ request.object.metadata.labels.tier }}' } }, spec: { podSelector: {} } } },
      context(ns),
      [],
    );
    assert.equal(out.status, 'pass');
    assert.deepEqual(out.generated, [
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { labels: { t: 'gold' }, name: 'deny', namespace: 'team-a' }, spec: { podSelector: {} } },
    ]);
  });

  it('data: the rule name wins over metadata.name in data; no namespace means cluster-scoped', () => {
    const out = runGenerate('r', { apiVersion: 'v1', kind: 'ClusterThing', name: 'x', data: { metadata: { name: 'ignored', namespace: 'gone' } } }, context(ns), []);
    assert.deepEqual(out.generated[0]?.['metadata'], { name: 'x' });
  });

  it('clone: copies the source without server-set fields', () => {
    const source: JsonObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'default', uid: 'u', resourceVersion: '1' }, data: { k: 'dg==' } };
    const out = runGenerate('r', { apiVersion: 'v1', kind: 'Secret', name: 'regcred', namespace: '{{request.object.metadata.name}}', clone: { namespace: 'default', name: 'regcred' } }, context(ns), [source]);
    assert.equal(out.status, 'pass');
    assert.deepEqual(out.generated, [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'team-a' }, data: { k: 'dg==' } }]);
    assert.deepEqual(source['metadata'], { name: 'regcred', namespace: 'default', uid: 'u', resourceVersion: '1' });
  });

  it('clone: a missing source is an error', () => {
    const out = runGenerate('r', { apiVersion: 'v1', kind: 'Secret', name: 's', namespace: 'x', clone: { namespace: 'default', name: 'nope' } }, context(ns), []);
    assert.equal(out.status, 'error');
    assert.match(out.message, /not found/);
  });

  it('cloneList: every source of the kinds in the namespace that the selector matches', () => {
    const sources: JsonObject[] = [
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a', namespace: 'staging', labels: { allowedToBeCloned: 'true' } } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'staging', labels: { allowedToBeCloned: 'true' } } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'c', namespace: 'staging' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'd', namespace: 'other', labels: { allowedToBeCloned: 'true' } } },
    ];
    const out = runGenerate('r', { namespace: 'team-a', cloneList: { namespace: 'staging', kinds: ['v1/Secret', 'ConfigMap'], selector: { matchLabels: { allowedToBeCloned: 'true' } } } }, context(ns), sources);
    assert.deepEqual(
      out.generated.map((g) => [g['kind'], (g['metadata'] as JsonObject)['namespace'], (g['metadata'] as JsonObject)['name']]),
      [
        ['Secret', 'team-a', 'a'],
        ['ConfigMap', 'team-a', 'b'],
      ],
    );
  });

  it('foreach: one resource per element, with its own preconditions', () => {
    const object: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { namespaces: 'a,b,skip' } };
    const out = runGenerate(
      'r',
      {
        foreach: [
          {
            list: "request.object.data.namespaces | split(@, ',')",
            preconditions: { all: [{ key: '{{ element }}', operator: 'NotEquals', value: 'skip' }] },
            apiVersion: 'v1',
            kind: 'Secret',
            name: 'copy',
            namespace: '{{ element }}',
            data: { stringData: { index: '{{ elementIndex }}' } },
          },
        ],
      },
      context(object),
      [],
    );
    assert.equal(out.status, 'pass');
    assert.deepEqual(
      out.generated.map((g) => (g['metadata'] as JsonObject)['namespace']),
      ['a', 'b'],
    );
  });

  it('nothing generated is a skip', () => {
    const out = runGenerate('r', { foreach: [{ list: 'request.object.missing', apiVersion: 'v1', kind: 'Secret', name: 'x', data: {} }] }, context(ns), []);
    assert.equal(out.status, 'skip');
  });
});

describe('selectorMatches', () => {
  it('matchLabels and matchExpressions', () => {
    const labels = { a: '1', b: '2' };
    assert.equal(selectorMatches({ matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: 'In', values: ['2', '3'] }] }, labels), true);
    assert.equal(selectorMatches({ matchExpressions: [{ key: 'c', operator: 'Exists' }] }, labels), false);
    assert.equal(selectorMatches({ matchExpressions: [{ key: 'c', operator: 'DoesNotExist' }, { key: 'a', operator: 'NotIn', values: ['2'] }] }, labels), true);
  });
});
