import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { runMutate } from './mutate.js';

const pod: JsonObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'a', image: 'docker.io/a:1' }, { name: 'b', image: 'ghcr.io/b:1' }] },
};
const context = (object: JsonObject): JsonObject => ({ request: { operation: 'CREATE', object } });

describe('runMutate', () => {
  it('patchStrategicMerge with variables passes with the patched resource', () => {
    const out = runMutate('r', { patchStrategicMerge: { metadata: { labels: { owner: '{{ request.object.metadata.name }}' } } } }, context(pod), {});
    assert.equal(out.status, 'pass');
    assert.deepEqual(out.patched['metadata'], { name: 'p', labels: { owner: 'p' } });
  });

  it('a patch that changes nothing is skipped', () => {
    const out = runMutate('r', { patchStrategicMerge: { metadata: { name: 'p' } } }, context(pod), {});
    assert.equal(out.status, 'skip');
  });

  it('patchesJson6902 as a YAML string', () => {
    const out = runMutate('r', { patchesJson6902: '- op: add\n  path: /metadata/annotations\n  value: {x: "{{ request.object.kind }}"}\n' }, context(pod), {});
    assert.equal(out.status, 'pass');
    assert.deepEqual((out.patched['metadata'] as JsonObject)['annotations'], { x: 'Pod' });
  });

  it('foreach with preconditions and element variables patches each element in turn', () => {
    const out = runMutate(
      'r',
      {
        foreach: [
          {
            list: 'request.object.spec.containers',
            preconditions: { all: [{ key: '{{ element.image }}', operator: 'Equals', value: 'docker.io/*' }] },
            patchStrategicMerge: { spec: { containers: [{ name: '{{ element.name }}', image: "{{ regex_replace_all('^docker.io', element.image, 'mirror.io') }}" }] } },
          },
        ],
      },
      context(pod),
      {},
    );
    assert.equal(out.status, 'pass');
    assert.deepEqual((out.patched['spec'] as JsonObject)['containers'], [{ name: 'a', image: 'mirror.io/a:1' }, { name: 'b', image: 'ghcr.io/b:1' }]);
  });

  it('nested foreach with order Descending removes by index', () => {
    const withVolumes: JsonObject = { ...pod, spec: { volumes: [{ name: 'keep' }, { name: 'token-1' }, { name: 'token-2' }] } };
    const out = runMutate(
      'r',
      {
        foreach: [
          {
            list: 'request.object.spec.volumes',
            order: 'Descending',
            preconditions: { all: [{ key: '{{ element.name }}', operator: 'Equals', value: 'token-*' }] },
            patchesJson6902: '- op: remove\n  path: /spec/volumes/{{ elementIndex }}\n',
          },
        ],
      },
      context(withVolumes),
      {},
    );
    assert.deepEqual((out.patched['spec'] as JsonObject)['volumes'], [{ name: 'keep' }]);
    const nested = runMutate(
      'r',
      { foreach: [{ list: 'request.object.spec.containers', foreach: [{ list: "['x', 'y']", patchesJson6902: '- op: add\n  path: /metadata/labels/{{ element0.name }}-{{ element1 }}\n  value: "1"\n' }] }] },
      context(pod),
      {},
    );
    assert.deepEqual(Object.keys((nested.patched['metadata'] as { labels: JsonObject }).labels), ['a-x', 'a-y', 'b-x', 'b-y']);
  });
});
