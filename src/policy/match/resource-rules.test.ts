import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryResource } from '../../k8s/index.js';
import { pluralOf, resourceRulesMatch } from './resource-rules.js';

describe('resourceRulesMatch', () => {
  it('pluralises kinds like the API machinery', () => {
    assert.equal(pluralOf('Pod'), 'pods');
    assert.equal(pluralOf('Ingress'), 'ingresses');
    assert.equal(pluralOf('NetworkPolicy'), 'networkpolicies');
    assert.equal(pluralOf('Endpoints'), 'endpoints');
  });

  it('matches group, version, resource and operation, with *', () => {
    const deploy = inMemoryResource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } });
    const rules = [{ apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments'], operations: ['CREATE', 'UPDATE'] }];
    assert.equal(resourceRulesMatch(rules, deploy, 'CREATE'), true);
    assert.equal(resourceRulesMatch(rules, deploy, 'DELETE'), false);
    assert.equal(resourceRulesMatch([{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'], operations: ['*'] }], deploy, 'DELETE'), true);
    assert.equal(resourceRulesMatch([{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['*'] }], deploy, 'CREATE'), false);
  });
});
