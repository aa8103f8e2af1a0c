import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPlatform, parsePlatform, selectPlatform } from './platform.js';

const entry = (os: string, architecture: string, variant?: string) => ({
  digest: `sha256:${os}${architecture}${variant ?? ''}`,
  platform: variant === undefined ? { os, architecture } : { os, architecture, variant },
});

describe('platforms', () => {
  it('parses and normalises os/arch[/variant]', () => {
    assert.deepEqual(parsePlatform('linux/amd64'), { os: 'linux', architecture: 'amd64' });
    assert.deepEqual(parsePlatform('Linux/x86_64'), { os: 'linux', architecture: 'amd64' });
    assert.deepEqual(parsePlatform('linux/arm64/v8'), { os: 'linux', architecture: 'arm64' });
    assert.deepEqual(parsePlatform('linux/arm/v6'), { os: 'linux', architecture: 'arm', variant: 'v6' });
    for (const bad of ['linux', 'linux/', '/amd64', 'a/b/c/d', 'linux/arm/']) assert.throws(() => parsePlatform(bad), /invalid platform/);
    assert.equal(formatPlatform({ os: 'linux', architecture: 'arm', variant: 'v7' }), 'linux/arm/v7');
  });

  it('selects by os, architecture and variant', () => {
    const list = [entry('linux', 'arm', 'v6'), entry('linux', 'arm', 'v7'), entry('linux', 'arm64', 'v8'), entry('linux', 'amd64'), entry('windows', 'amd64')];
    assert.equal(selectPlatform(list, parsePlatform('linux/amd64'), 'i').digest, 'sha256:linuxamd64');
    assert.equal(selectPlatform(list, parsePlatform('windows/amd64'), 'i').digest, 'sha256:windowsamd64');
    assert.equal(selectPlatform(list, parsePlatform('linux/arm64'), 'i').digest, 'sha256:linuxarm64v8');
    assert.equal(selectPlatform(list, parsePlatform('linux/arm/v7'), 'i').digest, 'sha256:linuxarmv7');
    // no variant asked: the first listed
    assert.equal(selectPlatform(list, parsePlatform('linux/arm'), 'i').digest, 'sha256:linuxarmv6');
  });

  it('lists the available platforms when none matches, ignoring attestations', () => {
    const list = [entry('linux', 'amd64'), entry('unknown', 'unknown'), { digest: 'sha256:none' }];
    assert.throws(() => selectPlatform(list, parsePlatform('linux/riscv64'), 'the index of x'),
      /^BosunError: the index of x has no image for platform linux\/riscv64; available: linux\/amd64 \(choose one with --platform\)$/);
  });
});
