import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { dpkgStatus } from './index.js';

function files(map: Record<string, string>): FileReader {
  return { readText: async (path) => map[path] };
}

const DEBIAN = files({ 'etc/os-release': 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' });
const UBUNTU = files({ 'etc/os-release': 'ID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\n' });

const STATUS = `Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 12985
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.36-9+deb12u4
Depends: libgcc-s1
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.

Package: removed-pkg
Status: deinstall ok config-files
Architecture: amd64
Version: 1.0-1
Description: removed, configuration files left

Package: libgcrypt20
Status: install ok installed
Architecture: amd64
Source: libgcrypt20 (1.10.1-3)
Version: 1.10.1-3+b1
Description: LGPL Crypto library

Package: bsdutils
Essential: yes
Status: install ok installed
Architecture: amd64
Source: util-linux (2.38.1-5)
Version: 1:2.38.1-5+deb12u1
Description: basic utilities from 4.4BSD-Lite

Package: held
Status: hold ok installed
Architecture: all
Version: 3
Description: held at its version

Package: half
Status: install ok half-configured
Architecture: all
Version: 4
`;

describe('dpkg-status', () => {
  it('matches the status file and distroless status.d entries, not md5sums', () => {
    assert.equal(dpkgStatus.matches('var/lib/dpkg/status'), true);
    assert.equal(dpkgStatus.matches('var/lib/dpkg/status.d/base-files'), true);
    assert.equal(dpkgStatus.matches('var/lib/dpkg/status.d/base-files.md5sums'), false);
    assert.equal(dpkgStatus.matches('var/lib/dpkg/status-old'), false);
    assert.equal(dpkgStatus.matches('var/lib/dpkg/status.d/sub/x'), false);
  });

  it('keeps installed packages only, with source name and version, epoch and arch', async () => {
    const out = await dpkgStatus.analyze({ path: 'var/lib/dpkg/status', content: STATUS, files: DEBIAN });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map((p) => `${p.name} ${p.version}`), ['libc6 2.36-9+deb12u4', 'libgcrypt20 1.10.1-3+b1', 'bsdutils 1:2.38.1-5+deb12u1', 'held 3']);
    const [libc, gcrypt, bsdutils] = out.packages;
    assert.deepEqual(libc?.source, { name: 'glibc', version: '2.36-9+deb12u4' });
    assert.equal(libc?.purl, 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&upstream=glibc');
    assert.equal(libc?.ecosystem, 'Debian');
    assert.deepEqual(libc?.locations, [{ path: 'var/lib/dpkg/status', line: 1 }]);
    assert.deepEqual(libc?.metadata, { architecture: 'amd64' });
    assert.deepEqual(gcrypt?.source, { name: 'libgcrypt20', version: '1.10.1-3' });
    assert.deepEqual(bsdutils?.source, { name: 'util-linux', version: '2.38.1-5' });
    assert.equal(bsdutils?.purl, 'pkg:deb/debian/bsdutils@1:2.38.1-5%2Bdeb12u1?arch=amd64&distro=debian-12&upstream=util-linux%402.38.1-5');
    assert.deepEqual(bsdutils?.locations, [{ path: 'var/lib/dpkg/status', line: 29 }]);
  });

  it('uses Ubuntu when the root says so', async () => {
    const out = await dpkgStatus.analyze({ path: 'var/lib/dpkg/status', content: 'Package: bash\nStatus: install ok installed\nArchitecture: arm64\nVersion: 5.1-6ubuntu1\n', files: UBUNTU });
    assert.equal(out.packages[0]?.ecosystem, 'Ubuntu');
    assert.equal(out.packages[0]?.purl, 'pkg:deb/ubuntu/bash@5.1-6ubuntu1?arch=arm64&distro=ubuntu-22.04');
    assert.deepEqual(out.packages[0]?.source, { name: 'bash', version: '5.1-6ubuntu1' });
  });

  it('reads a distroless status.d stanza file', async () => {
    const content = 'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\nMaintainer: GNU Libc Maintainers\nInstalled-Size: 3000\nStatus: install ok installed\n';
    const out = await dpkgStatus.analyze({ path: 'var/lib/dpkg/status.d/tzdata', content, files: DEBIAN });
    assert.deepEqual(out.packages.map((p) => [p.name, p.version, p.locations[0]?.path]), [['tzdata', '2024a-0+deb12u1', 'var/lib/dpkg/status.d/tzdata']]);
  });

  it('takes a status.d control file without Status as installed, but not a status stanza', async () => {
    const content = 'Package: libssl3\nSource: openssl\nVersion: 3.0.13-1~deb12u1\nArchitecture: amd64\nDescription: Secure Sockets Layer toolkit\n';
    const d = await dpkgStatus.analyze({ path: 'var/lib/dpkg/status.d/libssl3', content, files: DEBIAN });
    assert.deepEqual(d.packages.map((p) => [p.name, p.source?.name]), [['libssl3', 'openssl']]);
    const status = await dpkgStatus.analyze({ path: 'var/lib/dpkg/status', content, files: DEBIAN });
    assert.deepEqual(status.packages, []);
  });

  it('reports malformed lines and entries without a name or version, keeping the rest', async () => {
    const content = 'Package: a\nStatus: install ok installed\nVersion: 1\nthis is not a field\n\nStatus: install ok installed\nVersion: 2\n\nPackage: c\nStatus: install ok installed\n';
    const out = await dpkgStatus.analyze({ path: 'var/lib/dpkg/status', content, files: DEBIAN });
    assert.deepEqual(out.packages.map((p) => p.name), ['a']);
    assert.deepEqual(out.errors.map((e) => e.line), [4, 6, 9]);
  });
});
