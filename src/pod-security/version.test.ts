import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBosunError } from '../kernel/index.js';
import { LATEST_MINOR, parsePssLevel, parsePssVersion } from './version.js';

describe('parsePssVersion', () => {
  it('resolves latest to the newest version we implement', () => {
    assert.deepEqual(parsePssVersion('latest'), { minor: LATEST_MINOR, label: 'v1.37' });
  });
  it('reads v1.N, v1.0 included', () => {
    assert.deepEqual(parsePssVersion('v1.0'), { minor: 0, label: 'v1.0' });
    assert.deepEqual(parsePssVersion('v1.25'), { minor: 25, label: 'v1.25' });
  });
  it('treats versions newer than it knows as latest, as PSA does', () => {
    assert.deepEqual(parsePssVersion('v1.99'), { minor: LATEST_MINOR, label: 'v1.37' });
  });
  it('rejects anything else as a usage error', () => {
    for (const bad of ['', 'v2.0', '1.30', 'v1.', 'v1.01', 'v1.30.1', 'Latest']) {
      assert.throws(() => parsePssVersion(bad), (e: unknown) => isBosunError(e) && e.code === 'usage', bad);
    }
  });
});

describe('parsePssLevel', () => {
  it('accepts baseline and restricted only', () => {
    assert.equal(parsePssLevel('baseline'), 'baseline');
    assert.equal(parsePssLevel('restricted'), 'restricted');
    assert.throws(() => parsePssLevel('privileged'), (e: unknown) => isBosunError(e) && e.code === 'usage');
  });
});
