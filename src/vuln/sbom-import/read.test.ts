import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BosunError } from '../../kernel/index.js';
import type { Package } from '../inventory/index.js';
import { readSbom } from './read.js';

/** Samples in the shapes other tools write, composed for these tests from the format specifications. */
function sample(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../../src/vuln/sbom-import/testdata/${name}`, import.meta.url)), 'utf8');
}

function brief(p: Package): [string, string, string, string | null] {
  return [p.ecosystem, p.name, p.version, p.source === undefined ? null : `${p.source.name}@${p.source.version}`];
}

function thrown(fn: () => unknown): BosunError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof BosunError, String(error));
    return error;
  }
  assert.fail('expected a BosunError');
}

describe('readSbom: CycloneDX', () => {
  it('reads an image scanner BOM: OS, apk sources, scoped npm and grouped Maven names, the image digest', () => {
    const read = readSbom(sample('image-scanner.cdx.json'), 'alpine.cdx.json');
    assert.equal(read.format, 'cyclonedx');
    assert.equal(read.specVersion, '1.5');
    assert.deepEqual(read.packages.map(brief), [
      ['Alpine', 'busybox', '1.36.1-r15', 'busybox@1.36.1-r15'],
      ['Alpine', 'ssl_client', '1.36.1-r15', 'busybox@1.36.1-r15'],
      ['npm', '@babel/core', '7.24.0', null],
      ['Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1', null],
    ]);
    assert.deepEqual(read.packages.map((p) => p.depGroups), [[], [], [], ['dev']]);
    assert.deepEqual([read.os?.family, read.os?.id, read.os?.versionId, read.os?.source], ['alpine', 'alpine', '3.19.1', 'alpine.cdx.json']);
    assert.deepEqual([read.image?.name, read.image?.manifestDigest], ['alpine:3.19', 'sha256:51b67269f354137895d43f3b3d810bfacd3945438e94dc5ac55fdac340352f48']);
  });

  it('keeps a component without purl as unidentified, with a warning at its line', () => {
    const read = readSbom(sample('image-scanner.cdx.json'), 'alpine.cdx.json');
    assert.deepEqual(read.unidentified, [{ name: 'app/package-lock.json', version: '' }]);
    assert.equal(read.errors.length, 1);
    assert.equal(read.errors[0]?.path, 'alpine.cdx.json');
    assert.equal(read.errors[0]?.line, 40);
    assert.match(read.errors[0]?.message ?? '', /app\/package-lock.json has no purl; kept as unidentified/);
  });

  it('reads CycloneDX 1.4: legacy tools, nested components, rpm epochs and sources; skips files', () => {
    const read = readSbom(sample('legacy-nested.cdx.json'), 'legacy.json');
    assert.deepEqual(read.packages.map(brief), [
      ['Rocky Linux', 'bash', '1:5.1.8-6.el9', 'bash@1:5.1.8-6.el9'],
      ['Rocky Linux', 'openssl-libs', '1:3.0.7-25.el9', 'openssl@1:3.0.7-25.el9'],
      ['Maven', 'org.springframework:spring-webmvc', '5.3.20', null],
      ['Maven', 'com.fasterxml.jackson.core:jackson-databind', '2.13.3', null],
    ]);
    assert.deepEqual([read.os?.family, read.os?.id, read.os?.versionId], ['rocky', 'rocky', '9.3'], 'OS from the purls when no OS component');
    assert.equal(read.image, undefined);
    assert.deepEqual(read.unidentified, [{ name: 'actions/checkout', version: 'v4', purl: 'pkg:github/actions/checkout@v4' }, { name: 'vendored-zlib', version: '1.3' }]);
    assert.deepEqual(read.errors.map((e) => e.line), [32, 33]);
  });
});

describe('readSbom: CycloneDX XML', () => {
  it('reads the same facts as from JSON, versions kept as text', () => {
    const read = readSbom(sample('ubuntu.cdx.xml'), 'ubuntu.cdx.xml');
    assert.deepEqual([read.format, read.specVersion], ['cyclonedx', '1.6']);
    assert.deepEqual(read.packages.map(brief), [
      ['Ubuntu', 'libssl3', '3.0.2-0ubuntu1.15', 'openssl@3.0.2-0ubuntu1.15'],
      ['PyPI', 'numpy', '1.10', null],
    ]);
    assert.deepEqual(read.packages[0]?.locations, [{ path: 'var/lib/dpkg/status', line: 120 }]);
    assert.deepEqual([read.os?.family, read.os?.name, read.os?.versionId], ['ubuntu', 'Ubuntu', '22.04']);
    assert.equal(read.image?.manifestDigest, 'sha256:77906da86b60585ce12215807090eb327e7386c8fafb5402369e421f44eff17e');
    assert.deepEqual(read.unidentified, [{ name: 'custom-tool', version: '2' }]);
    assert.equal(read.errors.length, 1);
  });

  it('reports malformed XML at its line and other XML as not an SBOM', () => {
    const error = thrown(() => readSbom('<bom xmlns="http://cyclonedx.org/schema/bom/1.5">\n  <components>\n</bom>\n', 'bad.xml'));
    assert.deepEqual([error.code, error.line], ['input.read', 3]);
    assert.match(error.message, /^malformed XML/);
    assert.match(thrown(() => readSbom('<project><modelVersion>4.0.0</modelVersion></project>', 'pom.xml')).message, /expected a CycloneDX XML <bom>/);
  });
});

describe('readSbom: SPDX', () => {
  it('reads an image cataloger SPDX 2.3 document: described image, purls, OS from distro qualifiers', () => {
    const read = readSbom(sample('image-cataloger.spdx.json'), 'debian.spdx.json');
    assert.equal(read.format, 'spdx');
    assert.deepEqual(read.packages.map(brief), [
      ['Debian', 'libc6', '2.36-9+deb12u4', 'glibc@2.36-9+deb12u4'],
      ['Debian', 'tzdata', '2024a-0+deb12u1', 'tzdata@2024a-0+deb12u1'],
      ['PyPI', 'Flask', '3.0.2', null],
    ]);
    assert.equal(read.packages[2]?.purl, 'pkg:pypi/flask@3.0.2');
    assert.deepEqual([read.os?.family, read.os?.versionId], ['debian', '12']);
    assert.deepEqual([read.image?.name, read.image?.manifestDigest], ['debian', 'sha256:e97ee92bf1e11a2de654e9f3da827d8dce32b54e0490ac83bfc65c8706568116']);
    assert.deepEqual(read.unidentified, [{ name: 'mystery-binary', version: '0.9' }]);
    assert.equal(read.errors[0]?.line, 49);
  });

  it('reads SPDX 2.2: documentDescribes, PACKAGE_MANAGER, GENERATES and dev dependencies', () => {
    const read = readSbom(sample('project-2.2.spdx.json'), 'shop.spdx.json');
    assert.deepEqual(read.packages.map(brief), [
      ['npm', 'express', '4.18.2', null],
      ['npm', 'mocha', '10.3.0', null],
      ['Go', 'golang.org/x/net', 'v0.17.0', null],
      ['Debian', 'libcurl4', '7.88.1-10+deb12u5', 'curl@7.88.1-10+deb12u5'],
    ]);
    assert.deepEqual(read.packages.map((p) => p.depGroups), [[], ['dev'], [], []]);
    assert.deepEqual(read.errors, []);
    assert.equal(read.image, undefined);
  });
});

describe('readSbom: SPDX tag-value', () => {
  it('reads packages, purls, the OS, the image and GENERATED_FROM sources', () => {
    const read = readSbom(sample('alpine.spdx'), 'alpine.spdx');
    assert.deepEqual([read.format, read.specVersion], ['spdx', 'SPDX-2.3']);
    assert.deepEqual(read.packages.map(brief), [
      ['Alpine', 'musl', '1.2.4_git20230717-r4', 'musl@1.2.4_git20230717-r4'],
      ['Alpine', 'libcrypto3', '3.1.4-r5', 'openssl@3.1.4-r5'],
    ]);
    assert.deepEqual([read.os?.family, read.os?.name, read.os?.versionId], ['alpine', 'Alpine Linux\nv3.19', '3.19.1']);
    assert.deepEqual([read.image?.name, read.image?.manifestDigest], ['alpine:3.19', 'sha256:51b67269f354137895d43f3b3d810bfacd3945438e94dc5ac55fdac340352f48']);
    assert.deepEqual(read.errors, []);
  });

  it('warns at the PackageName line of a package without purl', () => {
    const text = 'SPDXVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\n\nPackageName: blob\nSPDXID: SPDXRef-blob\nPackageVersion: 1\n';
    const read = readSbom(text, 'x.spdx');
    assert.deepEqual(read.unidentified, [{ name: 'blob', version: '1' }]);
    assert.equal(read.errors[0]?.line, 4);
  });

  it('reports a package without SPDXID as an invalid document', () => {
    const error = thrown(() => readSbom('SPDXVersion: SPDX-2.3\nPackageName: blob\n', 'x.spdx'));
    assert.equal(error.code, 'input.read');
    assert.match(error.message, /invalid SPDX document at packages\.0\.SPDXID/);
  });
});

describe('readSbom: inputs it cannot read', () => {
  it('reports malformed JSON with file, line and column', () => {
    const error = thrown(() => readSbom('{\n  "bomFormat": "CycloneDX",\n  "components": [,]\n}\n', 'bad.json'));
    assert.equal(error.code, 'input.json');
    assert.deepEqual([error.file, error.line, error.column], ['bad.json', 3, 18]);
    assert.match(error.describe(), /^bad\.json:3:18: malformed JSON/);
  });

  it('names what it expected for JSON of neither format', () => {
    const error = thrown(() => readSbom('{"name": "left-pad", "version": "1.0.0"}', 'package.json'));
    assert.equal(error.code, 'input.json');
    assert.match(error.message, /expected a CycloneDX JSON BOM \(bomFormat "CycloneDX"\) or an SPDX 2\.2\/2\.3 JSON document/);
    assert.match(thrown(() => readSbom('[1, 2]', 'a.json')).message, /the JSON is an array/);
    assert.match(thrown(() => readSbom('{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"}', 'a.json')).message, /SPDX 3/);
  });

  it('refuses empty files', () => {
    assert.equal(thrown(() => readSbom(' \n', 'empty.json')).code, 'input.empty');
  });

  it('points at the field when a document has the wrong shape', () => {
    const text = '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6",\n  "components": [\n    { "type": "library", "name": 7 }\n  ]\n}\n';
    const error = thrown(() => readSbom(text, 'shape.json'));
    assert.equal(error.code, 'input.json');
    assert.equal(error.line, 5);
    assert.match(error.message, /invalid CycloneDX BOM at components\.0\.name/);
  });

  it('gives lines to the first warnings only, so a huge SBOM stays linear', () => {
    const components = Array.from({ length: 120 }, (_, i) => ({ type: 'library', name: `c${i}` }));
    const read = readSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components }, null, 1), 'many.json');
    assert.equal(read.errors.length, 120);
    assert.equal(read.errors.filter((e) => e.line !== undefined).length, 100);
  });

  it('warns about a spec version outside those it knows, and still reads', () => {
    const read = readSbom('{"bomFormat": "CycloneDX", "specVersion": "1.2", "components": [{"type": "library", "name": "rack", "version": "3.0.9", "purl": "pkg:gem/rack@3.0.9"}]}', 'old.json');
    assert.deepEqual(read.packages.map(brief), [['RubyGems', 'rack', '3.0.9', null]]);
    assert.match(read.errors[0]?.message ?? '', /CycloneDX 1\.2 is outside/);
  });
});
