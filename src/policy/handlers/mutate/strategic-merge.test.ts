import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveAnchors, CONDITION_FAILED, GlobalAnchorSkip } from './anchors.js';
import { strategicMerge } from './strategic-merge.js';

const pod = {
  spec: {
    containers: [
      { name: 'app', image: 'app:1', env: [{ name: 'A', value: '1' }] },
      { name: 'side', image: 'side:1', securityContext: { runAsNonRoot: false } },
    ],
  },
};

describe('strategicMerge', () => {
  it('merges containers and env by name, keeping order and unknown elements', () => {
    const out = strategicMerge(pod, { spec: { containers: [{ name: 'app', env: [{ name: 'B', value: '2' }, { name: 'A', value: 'x' }] }, { name: 'new', image: 'n' }] } });
    assert.deepEqual(out, {
      spec: {
        containers: [
          { name: 'app', image: 'app:1', env: [{ name: 'A', value: 'x' }, { name: 'B', value: '2' }] },
          { name: 'side', image: 'side:1', securityContext: { runAsNonRoot: false } },
          { name: 'new', image: 'n' },
        ],
      },
    });
  });

  it('replaces lists without a merge key, deletes on null and honours $patch: delete', () => {
    const out = strategicMerge({ spec: { tolerations: [{ key: 'a' }], dnsPolicy: 'x', containers: [{ name: 'a' }, { name: 'b' }] } }, {
      spec: { tolerations: [{ key: 'b' }], dnsPolicy: null, containers: [{ name: 'a', $patch: 'delete' }] },
    });
    assert.deepEqual(out, { spec: { tolerations: [{ key: 'b' }], containers: [{ name: 'b' }] } });
  });
});

describe('resolveAnchors', () => {
  it('conditional anchor in a list applies the element to every matching resource element', () => {
    const patch = resolveAnchors({ spec: { containers: [{ '(image)': 'side:*', securityContext: { runAsNonRoot: true } }] } }, pod);
    assert.deepEqual(patch, { spec: { containers: [{ name: 'side', securityContext: { runAsNonRoot: true } }] } });
  });

  it('conditional anchor on a map that does not hold fails the patch', () => {
    assert.equal(resolveAnchors({ metadata: { '(labels)': { app: 'x' }, annotations: { a: 'b' } } }, { metadata: {} }), CONDITION_FAILED);
  });

  it('add-if-not-present sets only missing keys', () => {
    const patch = resolveAnchors({ spec: { containers: [{ '(name)': '*', securityContext: { '+(runAsNonRoot)': true } }] } }, pod);
    const out = strategicMerge(pod, patch);
    const containers = (out as typeof pod).spec.containers;
    assert.deepEqual(containers.map((c) => (c as { securityContext?: unknown }).securityContext), [{ runAsNonRoot: true }, { runAsNonRoot: false }]);
  });

  it('add anchors inside a conditional value still apply when the condition holds', () => {
    const volumes = { spec: { volumes: [{ name: 'cache', emptyDir: {} }, { name: 'sized', emptyDir: { sizeLimit: '1Gi' } }, { name: 'cm', configMap: { name: 'x' } }] } };
    const patch = resolveAnchors({ spec: { volumes: [{ '(emptyDir)': { '+(sizeLimit)': '100Mi' } }] } }, volumes);
    assert.deepEqual(patch, { spec: { volumes: [{ name: 'cache', emptyDir: { sizeLimit: '100Mi' } }, { name: 'sized' }] } });
  });

  it('global anchor that does not match skips the whole rule', () => {
    assert.throws(() => resolveAnchors({ spec: { containers: [{ '<(image)': 'nginx*' }] }, metadata: { labels: { a: 'b' } } }, pod), GlobalAnchorSkip);
    const patch = resolveAnchors({ spec: { containers: [{ '<(image)': 'app*' }] }, metadata: { labels: { a: 'b' } } }, pod);
    assert.deepEqual((patch as { metadata: unknown }).metadata, { labels: { a: 'b' } });
  });
});
