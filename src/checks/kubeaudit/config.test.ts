import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBosunError } from '../../kernel/index.js';
import { AUDITOR_NAMES, DEFAULT_DENY_PATHS, resolveSettings } from './config.js';

describe('resolveSettings', () => {
  it('enables every auditor and applies kubeaudit defaults when nothing is configured', () => {
    const settings = resolveSettings(undefined);
    assert.deepEqual([...settings.enabled], [...AUDITOR_NAMES]);
    assert.deepEqual([...settings.denyPaths], [...DEFAULT_DENY_PATHS]);
    assert.deepEqual(settings.allowAddList, []);
    assert.equal(settings.image, undefined);
    assert.equal(settings.maxCpu, undefined);
    assert.equal(settings.currentVersion, undefined);
  });

  it('reads every documented setting', () => {
    const settings = resolveSettings({
      enabledAuditors: { image: false, limits: true },
      auditors: {
        image: { image: 'nginx:1.27' },
        limits: { cpu: '500m', memory: '' },
        capabilities: { allowAddList: ['NET_BIND_SERVICE'] },
        mounts: { denyPathsList: ['/data'] },
        deprecatedapis: { currentVersion: '1.22', targetedVersion: 'v1.25' },
      },
    });
    assert.ok(!settings.enabled.has('image'));
    assert.ok(settings.enabled.has('limits') && settings.enabled.has('netpols'));
    assert.equal(settings.image, 'nginx:1.27');
    assert.equal(settings.maxCpu, '500m');
    assert.equal(settings.maxMemory, undefined, 'an empty quantity means no maximum');
    assert.deepEqual(settings.allowAddList, ['NET_BIND_SERVICE']);
    assert.deepEqual([...settings.denyPaths], ['/data']);
    assert.deepEqual(settings.currentVersion, { major: 1, minor: 22 });
    assert.deepEqual(settings.targetedVersion, { major: 1, minor: 25 });
  });

  for (const [name, bad] of [
    ['an unknown auditor', { enabledAuditors: { nosuch: true } }],
    ['a typo in a key', { auditors: { limit: { cpu: '1' } } }],
    ['a bad quantity', { auditors: { limits: { cpu: 'lots' } } }],
    ['a bad version', { auditors: { deprecatedapis: { targetedVersion: '1.x' } } }],
    ['a config that is not an object', 'all'],
  ] as const) {
    it(`rejects ${name} with config.invalid`, () => {
      assert.throws(() => resolveSettings(bad), (e: unknown) => isBosunError(e) && e.code === 'config.invalid' && e.message.includes('families.kubeaudit'));
    });
  }
});
