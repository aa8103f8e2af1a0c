import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { SHARED_CHECKS } from './catalog/index.js';
import { allChecks, FAMILIES, findCheck } from './registry.js';

const folders = readdirSync(fileURLToPath(new URL('.', import.meta.url)), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'catalog')
  .map((e) => e.name);

describe('check registry', () => {
  it('registers every family folder', () => {
    assert.deepEqual([...FAMILIES.keys()].sort(), folders.sort());
  });

  it('gives every check a kebab-case id, a why and a how', () => {
    for (const check of allChecks().values()) {
      assert.match(check.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, check.id);
      assert.ok(check.title.length > 0 && check.description.length > 20 && check.remediation.length > 10, check.id);
    }
  });

  it('finds checks by compatible id', () => {
    assert.equal(findCheck('polaris:hostIPCSet')?.id, 'host-ipc');
    assert.equal(findCheck('KUBEAUDIT:PrivilegedTrue')?.id, 'privileged-container');
  });

  it('keeps shared catalog ids unique', () => {
    assert.equal(new Set(SHARED_CHECKS.map((c) => c.id)).size, SHARED_CHECKS.length);
  });
});
