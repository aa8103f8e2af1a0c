import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT } from '../../exit-codes.js';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

async function rootfs(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-sbom-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

const OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n';
const STATUS = `Package: libssl3
Status: install ok installed
Architecture: amd64
Source: openssl
Version: 3.0.11-1~deb12u2
Description: Secure Sockets Layer toolkit - shared libraries

Package: old
Status: deinstall ok config-files
Architecture: amd64
Version: 0.1
`;
const PACKAGE_LOCK = JSON.stringify({
  name: 'app',
  version: '1.0.0',
  lockfileVersion: 3,
  packages: { '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '^1.3.0' } }, 'node_modules/left-pad': { version: '1.3.0', resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz' } },
});

interface Inventory {
  os: { family: string; versionId: string } | null;
  packages: { name: string; version: string; ecosystem: string; purl: string; source?: { name: string; version: string }; locations: { path: string }[] }[];
  errors: { path: string; message: string }[];
}

describe('bosun sbom rootfs', () => {
  it('lists OS and language packages with purls and locations as JSON', async () => {
    const dir = await rootfs({ 'etc/os-release': OS_RELEASE, 'var/lib/dpkg/status': STATUS, 'srv/app/package-lock.json': PACKAGE_LOCK });
    const io = memoryIo();
    const code = await runCli(['sbom', 'rootfs', dir, '--format', 'json'], io);
    assert.equal(code, EXIT.ok, io.err());
    const inventory = JSON.parse(io.out()) as Inventory;
    assert.equal(inventory.os?.family, 'debian');
    assert.equal(inventory.os?.versionId, '12');
    assert.deepEqual(inventory.errors, []);
    const ssl = inventory.packages.find((p) => p.name === 'libssl3');
    assert.deepEqual(ssl?.source, { name: 'openssl', version: '3.0.11-1~deb12u2' });
    assert.equal(ssl?.purl, 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl');
    assert.deepEqual(ssl?.locations.map((l) => l.path), ['var/lib/dpkg/status']);
    assert.equal(inventory.packages.some((p) => p.name === 'old'), false);
    const pad = inventory.packages.find((p) => p.name === 'left-pad');
    assert.equal(pad?.ecosystem, 'npm');
    assert.equal(pad?.version, '1.3.0');
    assert.deepEqual(pad?.locations.map((l) => l.path), ['srv/app/package-lock.json']);
  });

  it('prints a table, and exits 3 when a file could not be analyzed while still listing the rest', async () => {
    const dir = await rootfs({ 'etc/os-release': OS_RELEASE, 'var/lib/dpkg/status': STATUS, 'var/lib/rpm/Packages': 'berkeley db bytes' });
    const io = memoryIo();
    const code = await runCli(['sbom', 'rootfs', dir], io);
    assert.equal(code, EXIT.input);
    assert.match(io.out(), /^OS: Debian GNU\/Linux 12 \(bookworm\) \[debian\]/);
    assert.match(io.out(), /libssl3\s+3\.0\.11-1~deb12u2\s+Debian\s+openssl 3\.0\.11-1~deb12u2\s+var\/lib\/dpkg\/status:1/);
    assert.match(io.err(), /var\/lib\/rpm\/Packages: rpm database format Berkeley DB is not supported yet/);
  });

  it('fails with a usage error for a missing directory', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['sbom', 'rootfs', join(tmpdir(), 'bosun-does-not-exist-x')], io), EXIT.input);
    assert.match(io.err(), /cannot read/);
  });
});

describe('bosun sbom fs', () => {
  it('lists the lockfiles of a project folder and skips .git', async () => {
    const dir = await rootfs({ 'package-lock.json': PACKAGE_LOCK, '.git/package-lock.json': PACKAGE_LOCK });
    const io = memoryIo();
    const code = await runCli(['sbom', 'fs', dir, '-f', 'json'], io);
    assert.equal(code, EXIT.ok, io.err());
    const inventory = JSON.parse(io.out()) as Inventory;
    assert.equal(inventory.os, null);
    assert.deepEqual(inventory.packages.map((p) => `${p.name}@${p.version} ${p.locations[0]?.path}`), ['left-pad@1.3.0 package-lock.json']);
  });
});

describe('bosun sbom formats and inspect', () => {
  it('writes CycloneDX for a project and reads it back with inspect', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bosun-sbom-cdx-'));
    try {
      await writeFile(path.join(dir, 'Cargo.lock'), 'version = 3\n\n[[package]]\nname = "serde"\nversion = "1.0.188"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n');
      const written = await cli(['sbom', 'fs', dir, '-f', 'cyclonedx', '-o', path.join(dir, 'out.cdx.json')]);
      assert.equal(written.code, 0, written.stderr);
      const read = await cli(['sbom', 'inspect', path.join(dir, 'out.cdx.json'), '-f', 'json']);
      assert.equal(read.code, 0, read.stderr);
      const inventory = JSON.parse(read.stdout) as { packages: Array<{ name: string; version: string; ecosystem: string; purl: string }> };
      assert.deepEqual(inventory.packages.map((p) => [p.name, p.version, p.ecosystem, p.purl]), [['serde', '1.0.188', 'crates.io', 'pkg:cargo/serde@1.0.188']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a file that is not an SBOM with exit 3 and no stack trace', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bosun-sbom-bad-'));
    try {
      await writeFile(path.join(dir, 'bad.json'), '{"not": "an sbom"');
      const result = await cli(['sbom', 'inspect', path.join(dir, 'bad.json')]);
      assert.equal(result.code, 3);
      assert.match(result.stderr, /bad\.json:1/);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names a missing image archive or unreachable registry clearly', async () => {
    const result = await cli(['sbom', 'image', 'registry.invalid/none:1']);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /registry\.invalid/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});

describe('bosun sbom TARGET (the default: image, archive, layout or folder)', () => {
  it('scans a folder with an OS as a root filesystem and a plain folder as a project', async () => {
    const root = await rootfs({ 'etc/os-release': OS_RELEASE, 'var/lib/dpkg/status': STATUS });
    const project = await rootfs({ 'package-lock.json': PACKAGE_LOCK });
    try {
      const os = await cli(['sbom', root, '-f', 'json']);
      assert.equal(os.code, 0, os.stderr);
      const osInventory = JSON.parse(os.stdout) as Inventory;
      assert.equal(osInventory.os?.family, 'debian');
      assert.ok(osInventory.packages.some((p) => p.name === 'libssl3'));
      const app = await cli(['sbom', project, '-f', 'json']);
      assert.equal(app.code, 0, app.stderr);
      assert.deepEqual((JSON.parse(app.stdout) as Inventory).packages.map((p) => p.name), ['left-pad']);
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(project, { recursive: true, force: true });
    }
  });
});
