import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../findings/index.js';
import { inMemoryResource } from '../k8s/index.js';
import { exceptionsFromAnnotations } from './annotations.js';
import { applyExceptions } from './apply.js';
import type { Exception } from './types.js';

function finding(over: Partial<Finding> & { name?: string; namespace?: string } = {}): Finding {
  const { name = 'web', namespace = 'shop', ...rest } = over;
  return {
    checkId: 'run-as-root',
    compatibleIds: ['polaris:runAsRootAllowed'],
    title: 'Container may run as root',
    severity: 'high',
    category: 'Pod Security',
    message: 'm',
    remediation: 'r',
    subject: { type: 'resource', apiVersion: 'apps/v1', kind: 'Deployment', namespace, name, container: 'app' },
    status: 'fail',
    fingerprint: `fp-${name}`,
    ...rest,
  };
}

function exception(over: Partial<Exception>): Exception {
  return { checks: [], namespaces: [], names: [], kinds: [], fingerprints: [], containers: [], reason: 'because', source: '.bosun.yaml:3', ...over };
}

const NOW = new Date('2026-11-23T10:00:00Z');

describe('applyExceptions', () => {
  it('skips matching findings and keeps them with the reason', () => {
    const out = applyExceptions([finding(), finding({ name: 'api' })], [exception({ checks: ['run-as-root'], names: ['we*'], owner: 'team-a' })], NOW);
    assert.equal(out.findings[0]?.status, 'skip');
    assert.deepEqual(out.findings[0]?.suppression, { source: '.bosun.yaml:3', reason: 'because', owner: 'team-a' });
    assert.equal(out.findings[1]?.status, 'fail');
  });

  it('matches compatible ids case-insensitively, and namespaces by pattern', () => {
    const out = applyExceptions([finding(), finding({ namespace: 'prod' })], [exception({ checks: ['Polaris:runAsRootAllowed'], namespaces: ['sh?p'] })], NOW);
    assert.deepEqual(out.findings.map((f) => f.status), ['skip', 'fail']);
  });

  it('stops applying an expired exception and reports it', () => {
    const live = exception({ expires: '2026-11-23' });
    const dead = exception({ expires: '2026-11-22', reason: 'old' });
    assert.equal(applyExceptions([finding()], [live], NOW).findings[0]?.status, 'skip', 'the expiry day itself still applies');
    const out = applyExceptions([finding()], [dead], NOW);
    assert.equal(out.findings[0]?.status, 'fail');
    assert.deepEqual(out.expired, [dead]);
  });

  it('never turns a pass into a skip', () => {
    assert.equal(applyExceptions([finding({ status: 'pass' })], [exception({})], NOW).findings[0]?.status, 'pass');
  });

  it('builds resource-scoped exceptions from bosun.dev/ignore annotations', () => {
    const resource = inMemoryResource({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', annotations: { 'bosun.dev/ignore': 'run-as-root, host-network' } },
    });
    const [e] = exceptionsFromAnnotations([resource]);
    assert.deepEqual(e?.checks, ['run-as-root', 'host-network']);
    assert.match(e?.reason ?? '', /no reason given/);
    const out = applyExceptions([finding(), finding({ name: 'web2' })], e === undefined ? [] : [e], NOW);
    assert.deepEqual(out.findings.map((f) => f.status), ['skip', 'fail']);
  });
});
