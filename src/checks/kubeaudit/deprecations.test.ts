import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { API_LIFECYCLES, deprecationMessage, deprecationMetadata, findLifecycle } from './deprecations.js';

describe('deprecation table', () => {
  it('states each version in release order', () => {
    const before = (a: { major: number; minor: number }, b: { major: number; minor: number }): boolean =>
      a.major < b.major || (a.major === b.major && a.minor < b.minor);
    for (const api of API_LIFECYCLES.values()) {
      if (api.introduced !== undefined) assert.ok(!before(api.deprecated, api.introduced), `${api.apiVersion} ${api.kind}`);
      if (api.removed !== undefined) assert.ok(before(api.deprecated, api.removed), `${api.apiVersion} ${api.kind}`);
    }
  });

  it('knows the common removals', () => {
    assert.equal(findLifecycle('extensions/v1beta1', 'Deployment')?.removed?.minor, 16);
    assert.equal(findLifecycle('policy/v1beta1', 'PodSecurityPolicy')?.replacement, undefined);
    assert.equal(findLifecycle('apps/v1', 'Deployment'), undefined);
  });
});

describe('deprecationMessage', () => {
  it('uses kubeaudit wording and reads back into kubeaudit metadata', () => {
    const api = findLifecycle('batch/v1beta1', 'CronJob');
    assert.ok(api !== undefined);
    const message = deprecationMessage(api);
    assert.equal(message, 'batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+, introduced in v1.8+; use batch/v1 CronJob');
    assert.deepEqual(deprecationMetadata(message), {
      DeprecatedMajor: '1', DeprecatedMinor: '21', RemovedMajor: '1', RemovedMinor: '25',
      IntroducedMajor: '1', IntroducedMinor: '8', ReplacementGroup: 'batch/v1', ReplacementKind: 'CronJob',
    });
  });

  it('round-trips every entry, including those without introduction or replacement', () => {
    for (const api of API_LIFECYCLES.values()) {
      const metadata = deprecationMetadata(deprecationMessage(api));
      assert.equal(metadata?.['DeprecatedMinor'], String(api.deprecated.minor));
      assert.equal(metadata?.['IntroducedMinor'], api.introduced === undefined ? undefined : String(api.introduced.minor));
      assert.equal(metadata?.['ReplacementKind'], api.replacement?.kind);
    }
    assert.equal(deprecationMetadata('something else'), undefined);
  });
});
