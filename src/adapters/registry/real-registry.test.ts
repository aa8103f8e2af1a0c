/**
 * openRegistryImage against a real registry: Debian's docker-registry (distribution 2.8), with
 * images built here as OCI layouts and pushed by skopeo as OCI and as Docker v2s2, single and
 * multi-platform, anonymous and behind htpasswd (Basic) auth. Runs in CI (CI=true), where missing
 * tools fail the suite; elsewhere it skips with the reason.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { BosunError } from '../../kernel/index.js';
import { openRegistryImage } from './open.js';
import { buildImage, buildIndex, imageBlobs, writeOciLayout, type TestImage } from './testing/image.js';
import { htpasswdLine, missingTools, startRealRegistry, type RealRegistry } from './testing/real-registry.js';

const run = promisify(execFile);
const missing = missingTools([['docker-registry', '--version'], ['skopeo', '--version']]);
const inCi = process.env['CI'] === 'true';
const why = `${missing.join(' and ')} not installed (apt-get install docker-registry skopeo)`;
const skip = missing.length > 0 && !inCi ? `real-registry tests skipped: ${why}` : false;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function skopeoCopy(layout: string, tag: string, target: string, extra: string[] = []): Promise<void> {
  await run('skopeo', ['--insecure-policy', 'copy', '--quiet', '--dest-tls-verify=false', ...extra, `oci:${layout}:${tag}`, `docker://${target}`], { timeout: 60_000 });
}

/** Checks what a source read from the registry says against the image built here. */
async function assertSameImage(ref: string, image: TestImage, mediaType: string, options: { dockerConfigPath: string }): Promise<string> {
  const source = await openRegistryImage(ref, { ...options, timeoutMs: 10_000 });
  try {
    assert.equal(source.manifestMediaType, mediaType);
    assert.match(source.manifestDigest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(source.config.diffIds, image.diffIds);
    assert.deepEqual(source.layers.map((l) => [l.digest, l.size, l.diffId]), image.layers.map((l, i) => [l.digest, l.bytes.length, image.diffIds[i]]));
    for (const [i, layer] of source.layers.entries()) {
      assert.deepEqual(await readAll(await source.openLayer(layer)), image.layers[i]?.bytes);
    }
    return source.manifestDigest ?? '';
  } finally {
    await source.close();
  }
}

describe('openRegistryImage against a real docker-registry', { skip }, () => {
  let dir = '';
  let registry: RealRegistry | undefined;
  let secured: RealRegistry | undefined;
  let noConfig = '';
  const image = buildImage({ layers: [{ 'etc/os-release': 'ID=bosun\nVERSION_ID=1\n' }, { 'app/run.sh': '#!/bin/sh\nexec true\n' }] });
  const arm64 = buildImage({ architecture: 'arm64', variant: 'v8', layers: [{ 'etc/os-release': 'ID=bosun-arm\n' }] });

  before(async () => {
    if (missing.length > 0) throw new Error(`CI=true but ${why}: add them to .ci/run`);
    dir = await mkdtemp(join(tmpdir(), 'bosun-real-registry-'));
    noConfig = join(dir, 'no-docker-config.json');
    const layout = join(dir, 'layout');
    await writeOciLayout(layout, imageBlobs(image), image.manifest, 'single');
    const index = buildIndex([image, arm64]);
    await writeOciLayout(layout, [...imageBlobs(image), ...imageBlobs(arm64)], index, 'multi');
    // writeOciLayout rewrites index.json with one tag; keep both tags
    await writeFile(join(layout, 'index.json'), JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: image.manifest.mediaType, digest: image.manifest.digest, size: image.manifest.bytes.length, annotations: { 'org.opencontainers.image.ref.name': 'single' } },
        { mediaType: index.mediaType, digest: index.digest, size: index.bytes.length, annotations: { 'org.opencontainers.image.ref.name': 'multi' } },
      ],
    }));

    const plainDir = await mkdtemp(join(dir, 'plain-'));
    registry = await startRealRegistry(plainDir);
    await skopeoCopy(layout, 'single', `${registry.host}/bosun/test:oci`);
    await skopeoCopy(layout, 'single', `${registry.host}/bosun/test:v2s2`, ['--format', 'v2s2']);
    await skopeoCopy(layout, 'multi', `${registry.host}/bosun/test:multi`, ['--all']);

    const line = htpasswdLine('tester', 'pa55word');
    if (line !== undefined) {
      const securedDir = await mkdtemp(join(dir, 'secured-'));
      await writeFile(join(securedDir, 'htpasswd'), `${line}\n`);
      secured = await startRealRegistry(securedDir, join(securedDir, 'htpasswd'));
      await skopeoCopy(layout, 'single', `${secured.host}/bosun/private:1`, ['--dest-creds', 'tester:pa55word']);
    }
  });

  after(async () => {
    await registry?.stop();
    await secured?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('reads the image pushed with an OCI manifest, by tag and then by digest', async () => {
    const host = registry?.host ?? assert.fail();
    const digest = await assertSameImage(`${host}/bosun/test:oci`, image, 'application/vnd.oci.image.manifest.v1+json', { dockerConfigPath: noConfig });
    assert.equal(digest, image.manifest.digest, 'skopeo keeps the OCI manifest as built');
    await assertSameImage(`${host}/bosun/test@${digest}`, image, 'application/vnd.oci.image.manifest.v1+json', { dockerConfigPath: noConfig });
  });

  it('reads the image pushed as Docker v2s2', async () => {
    const host = registry?.host ?? assert.fail();
    await assertSameImage(`${host}/bosun/test:v2s2`, image, 'application/vnd.docker.distribution.manifest.v2+json', { dockerConfigPath: noConfig });
  });

  it('picks a platform from a pushed multi-platform index', async () => {
    const host = registry?.host ?? assert.fail();
    await assertSameImage(`${host}/bosun/test:multi`, image, 'application/vnd.oci.image.manifest.v1+json', { dockerConfigPath: noConfig });
    const source = await openRegistryImage(`${host}/bosun/test:multi`, { dockerConfigPath: noConfig, platform: 'linux/arm64' });
    assert.equal(source.manifestDigest, arm64.manifest.digest);
    await source.close();
    await assert.rejects(openRegistryImage(`${host}/bosun/test:multi`, { dockerConfigPath: noConfig, platform: 'windows/amd64' }), /available: linux\/amd64, linux\/arm64/);
  });

  it('reports unknown tags and repositories with the registry error code', async () => {
    const host = registry?.host ?? assert.fail();
    await assert.rejects(openRegistryImage(`${host}/bosun/test:nope`, { dockerConfigPath: noConfig }),
      (e: unknown) => e instanceof BosunError && e.message.includes(`${host}/bosun/test:nope from ${host}`) && /MANIFEST_UNKNOWN/.test(e.message));
    await assert.rejects(openRegistryImage(`${host}/bosun/absent:1`, { dockerConfigPath: noConfig }), /(NAME|MANIFEST)_UNKNOWN/);
  });

  it('authenticates with htpasswd Basic auth from a docker config', async (t) => {
    if (secured === undefined) {
      if (inCi) assert.fail('no bcrypt hasher: install apache2-utils (htpasswd) or python3 with crypt');
      t.skip('no htpasswd or python3 crypt to make a bcrypt hash');
      return;
    }
    const host = secured.host;
    await assert.rejects(openRegistryImage(`${host}/bosun/private:1`, { dockerConfigPath: noConfig }), /requires Basic authentication, but no credentials/);
    const wrong = join(dir, 'wrong.json');
    await writeFile(wrong, JSON.stringify({ auths: { [host]: { auth: Buffer.from('tester:nope').toString('base64') } } }));
    await assert.rejects(openRegistryImage(`${host}/bosun/private:1`, { dockerConfigPath: wrong }), /UNAUTHORIZED.*HTTP 401.*check the credentials/);
    const right = join(dir, 'right.json');
    await writeFile(right, JSON.stringify({ auths: { [`http://${host}`]: { auth: Buffer.from('tester:pa55word').toString('base64') } } }));
    await assertSameImage(`${host}/bosun/private:1`, image, 'application/vnd.oci.image.manifest.v1+json', { dockerConfigPath: right });
  });
});
