import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

import { parseImage } from './image.js';

function withImage(image: string): JsonObject {
  return pod({ containers: [{ name: 'c', image }] });
}

describe('parseImage', () => {
  it('does not take a registry port for a tag', () => {
    assert.deepEqual(parseImage('registry:5000/team/app'), { name: 'registry:5000/team/app', tag: '', digest: undefined });
    assert.deepEqual(parseImage('registry:5000/team/app:2.1'), { name: 'registry:5000/team/app', tag: '2.1', digest: undefined });
    assert.deepEqual(parseImage('app@sha256:abc'), { name: 'app', tag: '', digest: 'sha256:abc' });
  });
});

describe('image auditor', () => {
  it('wants a tag or a digest', () => {
    assert.deepEqual(rules(run('image', [withImage('scratch')])), ['ImageTagMissing@c']);
    assert.deepEqual(rules(run('image', [withImage('registry:5000/scratch')])), ['ImageTagMissing@c']);
    assert.deepEqual(run('image', [withImage('scratch@sha256:abc')]), []);
    assert.deepEqual(run('image', [withImage('scratch:1.5')]), []);
  });

  it('compares the configured image by name and tag', () => {
    const config = { image: { image: 'scratch:1.6' } };
    assert.deepEqual(rules(run('image', [withImage('scratch:1.5')], config)), ['ImageTagIncorrect@c']);
    const correct = run('image', [withImage('scratch:1.6')], config);
    assert.deepEqual(correct.map((r) => [r.rule, r.severity]), [['ImageCorrect', 'info']]);
    assert.deepEqual(run('image', [withImage('other:1.5')], config), []);
    assert.deepEqual(rules(run('image', [withImage('scratch')], config)), ['ImageTagMissing@c']);
  });
});
