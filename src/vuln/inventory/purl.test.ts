import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPurl, npmPurl, parsePurl } from './purl.js';

describe('formatPurl', () => {
  it('encodes npm scopes and lower-cases names', () => {
    assert.equal(npmPurl('@Babel/Core', '7.0.0'), 'pkg:npm/%40babel/core@7.0.0');
  });
  it('normalises PyPI names', () => {
    assert.equal(formatPurl({ type: 'pypi', name: 'Django_Rest', version: '1.0' }), 'pkg:pypi/django-rest@1.0');
  });
  it('sorts qualifiers and keeps namespaces of Maven', () => {
    assert.equal(
      formatPurl({ type: 'maven', namespace: 'org.apache', name: 'commons', version: '1.2', qualifiers: { type: 'jar', classifier: 'sources' } }),
      'pkg:maven/org.apache/commons@1.2?classifier=sources&type=jar',
    );
  });
  it('keeps Debian qualifiers readable', () => {
    assert.equal(
      formatPurl({ type: 'deb', namespace: 'debian', name: 'libc6', version: '2.36-9+deb12u4', qualifiers: { arch: 'amd64', distro: 'debian-12' } }),
      'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12',
    );
  });
});

describe('parsePurl', () => {
  it('reads every part and decodes them', () => {
    assert.deepEqual(parsePurl('pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12#usr/share'), {
      type: 'deb',
      namespace: 'debian',
      name: 'libc6',
      version: '2.36-9+deb12u4',
      qualifiers: { arch: 'amd64', distro: 'debian-12' },
      subpath: 'usr/share',
    });
  });
  it('keeps multi-segment namespaces and scopes', () => {
    assert.deepEqual(parsePurl('pkg:golang/github.com/sirupsen/logrus@v1.9.3'), { type: 'golang', namespace: 'github.com/sirupsen', name: 'logrus', version: 'v1.9.3' });
    assert.deepEqual(parsePurl('pkg:npm/%40babel/core@7.0.0'), { type: 'npm', namespace: '@babel', name: 'core', version: '7.0.0' });
  });
  it('round-trips what formatPurl writes', () => {
    const parts = { type: 'maven', namespace: 'org.apache', name: 'commons', version: '1.2', qualifiers: { classifier: 'sources', type: 'jar' } };
    assert.deepEqual(parsePurl(formatPurl(parts)), parts);
  });
  it('accepts a purl without version and lower-cases type and qualifier keys', () => {
    assert.deepEqual(parsePurl('pkg:PyPI/django?Repository_URL=x'), { type: 'pypi', name: 'django', qualifiers: { repository_url: 'x' } });
  });
  it('rejects what is not a purl', () => {
    for (const text of ['', 'npm/left-pad', 'pkg:', 'pkg:npm', 'pkg:npm/', 'pkg:npm/a@', 'pkg:npm/%E0%A4%A@1', 'pkg:1x/a']) {
      assert.equal(parsePurl(text), undefined, text);
    }
  });
});
