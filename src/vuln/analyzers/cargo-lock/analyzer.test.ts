import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { cargoLock } from './index.js';

const none: FileReader = { readText: async () => undefined };

describe('cargo-lock', () => {
  it('matches Cargo.lock only', () => {
    assert.equal(cargoLock.matches('a/b/Cargo.lock'), true);
    assert.equal(cargoLock.matches('Cargo.toml'), false);
  });

  it('reports the commit of a git source and the line of each name', async () => {
    const content = [
      'version = 3',
      '',
      '[[package]]',
      'description = """',
      'name = "not-this"',
      '"""',
      'name = "tokio"',
      'version = "1.0.0"',
      'source = "git+https://github.com/tokio-rs/tokio?branch=master#0123456789abcdef0123456789abcdef01234567"',
    ].join('\n');
    const out = await cargoLock.analyze({ path: 'Cargo.lock', content, files: none });
    assert.deepEqual(out.errors, []);
    assert.equal(out.packages.length, 1);
    const [crate] = out.packages;
    assert.equal(crate?.commit, '0123456789abcdef0123456789abcdef01234567');
    assert.equal(crate?.purl, 'pkg:cargo/tokio@1.0.0');
    assert.deepEqual(crate?.locations, [{ path: 'Cargo.lock', line: 7 }]);
  });

  it('reports malformed TOML with its line', async () => {
    const out = await cargoLock.analyze({ path: 'x/Cargo.lock', content: 'version = 3\n[[package]\nname = "a"', files: none });
    assert.equal(out.packages.length, 0);
    assert.equal(out.errors[0]?.path, 'x/Cargo.lock');
    assert.equal(out.errors[0]?.line, 2);
    assert.match(out.errors[0]?.message ?? '', /^malformed TOML/);
  });

  it('reports a package without a version', async () => {
    const out = await cargoLock.analyze({ path: 'Cargo.lock', content: '[[package]]\nname = "a"\n\n[[package]]\nname = "b"\n', files: none });
    assert.equal(out.errors.length, 1);
    assert.equal(out.errors[0]?.line, 1);
    assert.match(out.errors[0]?.message ?? '', /package\[0\]\.version/);
  });
});
