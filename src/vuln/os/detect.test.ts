import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../inventory/index.js';
import { detectOs, osEcosystem, purlDistro } from './index.js';

function files(map: Record<string, string>): FileReader {
  return { readText: async (path) => map[path] };
}

const DEBIAN_12 = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`;

describe('detectOs', () => {
  it('reads Debian from etc/os-release', async () => {
    const os = await detectOs(files({ 'etc/os-release': DEBIAN_12 }));
    assert.deepEqual(os, { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', version: '12 (bookworm)', versionId: '12', codename: 'bookworm', source: 'etc/os-release' });
    assert.equal(purlDistro(os), 'debian-12');
    assert.equal(osEcosystem(os), 'Debian');
  });

  it('falls back to usr/lib/os-release, and prefers etc/', async () => {
    const ubuntu = 'NAME="Ubuntu"\nVERSION="22.04.4 LTS (Jammy Jellyfish)"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\nVERSION_CODENAME=jammy\n';
    assert.equal((await detectOs(files({ 'usr/lib/os-release': ubuntu })))?.family, 'ubuntu');
    assert.equal((await detectOs(files({ 'usr/lib/os-release': ubuntu, 'etc/os-release': DEBIAN_12 })))?.family, 'debian');
    assert.equal(purlDistro(await detectOs(files({ 'usr/lib/os-release': ubuntu }))), 'ubuntu-22.04');
  });

  it('recognises distroless (Debian ID, distroless PRETTY_NAME)', async () => {
    const text = 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n';
    const os = await detectOs(files({ 'etc/os-release': text }));
    assert.equal(os?.family, 'debian');
    assert.equal(os?.distroless, true);
    assert.equal(purlDistro(os), 'debian-12');
  });

  it('reads Alpine, RHEL family and Amazon Linux os-release', async () => {
    const alpine = await detectOs(files({ 'etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n' }));
    assert.deepEqual([alpine?.family, alpine?.versionId, purlDistro(alpine)], ['alpine', '3.19.1', 'alpine-3.19.1']);
    const rhel = await detectOs(files({ 'etc/os-release': 'NAME="Red Hat Enterprise Linux"\nVERSION="9.3 (Plow)"\nID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.3"\n' }));
    assert.deepEqual([rhel?.family, rhel?.versionId, osEcosystem(rhel)], ['redhat', '9.3', 'Red Hat']);
    const rocky = await detectOs(files({ 'etc/os-release': 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\n' }));
    assert.equal(osEcosystem(rocky), 'Rocky Linux');
    const amzn = await detectOs(files({ 'etc/os-release': 'NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\nID_LIKE="fedora"\nVERSION_ID="2023"\n' }));
    assert.deepEqual([amzn?.family, osEcosystem(amzn), purlDistro(amzn)], ['amazon', 'Amazon Linux', 'amazon-2023']);
    const unknownLike = await detectOs(files({ 'etc/os-release': 'ID=mydistro\nID_LIKE="ubuntu debian"\nVERSION_ID=1\n' }));
    assert.equal(unknownLike?.family, 'ubuntu');
  });

  it('handles quoting, comments and escapes', async () => {
    const os = await detectOs(files({ 'etc/os-release': "# comment\nID='debian'\nNAME=\"Deb \\\"quoted\\\"\"\nVERSION_ID=12\n" }));
    assert.equal(os?.name, 'Deb "quoted"');
    assert.equal(os?.id, 'debian');
  });

  it('uses etc/debian_version for Debian sid, which has no VERSION_ID', async () => {
    const os = await detectOs(files({ 'etc/os-release': 'PRETTY_NAME="Debian GNU/Linux trixie/sid"\nNAME="Debian GNU/Linux"\nID=debian\n', 'etc/debian_version': 'trixie/sid\n' }));
    assert.deepEqual([os?.versionId, os?.codename, purlDistro(os)], ['', 'trixie', 'debian-trixie']);
  });

  it('falls back to etc/alpine-release, etc/redhat-release, etc/debian_version', async () => {
    assert.deepEqual(await detectOs(files({ 'etc/alpine-release': '3.18.4\n' })), { family: 'alpine', id: 'alpine', name: 'Alpine Linux', version: '3.18.4', versionId: '3.18.4', source: 'etc/alpine-release' });
    const centos = await detectOs(files({ 'etc/redhat-release': 'CentOS Linux release 7.9.2009 (Core)\n' }));
    assert.deepEqual([centos?.family, centos?.versionId, centos?.codename], ['centos', '7.9.2009', 'Core']);
    const rhel = await detectOs(files({ 'etc/redhat-release': 'Red Hat Enterprise Linux release 8.9 (Ootpa)\n' }));
    assert.deepEqual([rhel?.family, rhel?.id, rhel?.versionId], ['redhat', 'rhel', '8.9']);
    const debian = await detectOs(files({ 'etc/debian_version': '11.9\n' }));
    assert.deepEqual([debian?.family, debian?.versionId, debian?.version], ['debian', '11', '11.9']);
  });

  it('returns undefined when nothing identifies the OS', async () => {
    assert.equal(await detectOs(files({})), undefined);
    assert.equal(await detectOs(files({ 'etc/os-release': 'garbage without id\n' })), undefined);
  });
});
