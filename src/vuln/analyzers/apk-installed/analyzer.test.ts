import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { apkInstalled } from './index.js';

const ALPINE: FileReader = { readText: async (path) => (path === 'etc/os-release' ? 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\n' : undefined) };

const INSTALLED = `C:Q1/7pqfLt6Bdt4uJ9Q5wj6JhFzG8Qc=
P:musl
V:1.2.4_git20230717-r4
A:x86_64
S:407447
I:667648
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Timo Teräs <timo.teras@iki.fi>
t:1705049543
c:5f1b2f3b2d1e9c4b5b2ef1d3c7d4c0b0f8a1e2d3
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1Hq3ZzYk3wA0Z2hZ2cHkD7lQHc0E=

C:Q1AbCdEfGhIjKlMnOpQrStUvWxYz0=
P:libcrypto3
V:3.1.4-r5
A:x86_64
L:Apache-2.0
o:openssl
F:usr/lib
R:libcrypto.so.3
`;

describe('apk-installed', () => {
  it('matches the installed database only', () => {
    assert.equal(apkInstalled.matches('lib/apk/db/installed'), true);
    assert.equal(apkInstalled.matches('lib/apk/db/triggers'), false);
  });

  it('reads name, version, arch and origin as source', async () => {
    const out = await apkInstalled.analyze({ path: 'lib/apk/db/installed', content: INSTALLED, files: ALPINE });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map((p) => [p.name, p.version, p.source?.name, p.locations[0]?.line]), [
      ['musl', '1.2.4_git20230717-r4', 'musl', 1],
      ['libcrypto3', '3.1.4-r5', 'openssl', 19],
    ]);
    assert.equal(out.packages[1]?.purl, 'pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl');
    assert.equal(out.packages[0]?.ecosystem, 'Alpine');
    assert.deepEqual(out.packages[1]?.source, { name: 'openssl', version: '3.1.4-r5' });
  });

  it('reports malformed lines and records without a version', async () => {
    const out = await apkInstalled.analyze({ path: 'lib/apk/db/installed', content: 'P:a\nV:1\nnot a line\n\nP:b\nA:x86_64\n', files: ALPINE });
    assert.deepEqual(out.packages.map((p) => p.name), ['a']);
    assert.deepEqual(out.errors.map((e) => [e.line, e.message]), [
      [3, 'malformed apk database line: expected "X:value"'],
      [5, 'apk package b has no version (V:)'],
    ]);
  });
});
