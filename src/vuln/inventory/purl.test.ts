import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPurl, npmPurl } from './purl.js';

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
