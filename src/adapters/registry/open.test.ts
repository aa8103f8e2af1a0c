import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { BosunError } from '../../kernel/index.js';
import { openRegistryImage, type OpenRegistryImageOptions } from './open.js';
import { startFakeRegistry, type FakeRegistry } from './testing/fake-registry.js';
import { buildImage, buildIndex, sha256, type Blob, type TestImage } from './testing/image.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function publish(registry: FakeRegistry, repo: string, tag: string, image: TestImage): void {
  registry.manifests.set(`${repo}:${tag}`, { bytes: image.manifest.bytes, mediaType: image.manifest.mediaType });
  registry.manifests.set(`${repo}@${image.manifest.digest}`, { bytes: image.manifest.bytes, mediaType: image.manifest.mediaType });
  for (const b of [image.config, ...image.layers]) registry.blobs.set(b.digest, b.bytes);
}

function publishIndex(registry: FakeRegistry, repo: string, tag: string, index: Blob, images: TestImage[]): void {
  registry.manifests.set(`${repo}:${tag}`, { bytes: index.bytes, mediaType: index.mediaType });
  for (const image of images) publish(registry, repo, image.manifest.digest, image);
}

/** Rejects with a BosunError whose message matches every pattern. */
async function rejectsWith(promise: Promise<unknown>, ...patterns: RegExp[]): Promise<BosunError> {
  let caught: unknown;
  await assert.rejects(promise, (e: unknown) => {
    caught = e;
    return true;
  });
  assert.ok(caught instanceof BosunError, `expected a BosunError, got ${String(caught)}`);
  for (const p of patterns) assert.match(caught.message, p);
  return caught;
}

describe('openRegistryImage against a fake registry', () => {
  let registry: FakeRegistry;
  let dir = '';
  let noConfig: OpenRegistryImageOptions;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bosun-registry-'));
    noConfig = { dockerConfigPath: join(dir, 'absent.json'), timeoutMs: 5_000 };
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    registry = await startFakeRegistry();
  });
  afterEach(async () => {
    await registry.close();
  });
  async function dockerConfig(auths: Record<string, unknown>, extra: object = {}): Promise<string> {
    const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, JSON.stringify({ auths, ...extra }));
    return path;
  }

  it('reads an anonymous OCI image: manifest, verified config, layers and their bytes', async () => {
    const image = buildImage();
    publish(registry, 'team/app', '1.0', image);
    const source = await openRegistryImage(`${registry.host}/team/app:1.0`, noConfig);
    try {
      assert.equal(source.name, `${registry.host}/team/app:1.0`);
      assert.equal(source.manifestDigest, image.manifest.digest);
      assert.equal(source.manifestMediaType, 'application/vnd.oci.image.manifest.v1+json');
      assert.deepEqual(source.config, { os: 'linux', architecture: 'amd64', created: '2026-01-02T03:04:05Z', diffIds: image.diffIds });
      assert.deepEqual(source.layers, image.layers.map((l, i) => ({ digest: l.digest, mediaType: l.mediaType, size: l.bytes.length, diffId: image.diffIds[i] })));
      for (const [i, layer] of source.layers.entries()) {
        assert.deepEqual(await readAll(await source.openLayer(layer)), image.layers[i]?.bytes);
      }
    } finally {
      await source.close();
      await source.close();
    }
    const manifestGet = registry.requests.find((r) => r.path.includes('/manifests/'));
    for (const type of ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.docker.distribution.manifest.list.v2+json']) {
      assert.ok(manifestGet?.headers.accept?.includes(type), `Accept lacks ${type}`);
    }
  });

  it('reads a Docker v2s2 image pinned by tag and digest', async () => {
    const image = buildImage({ flavour: 'docker' });
    publish(registry, 'x/y', 'v2', image);
    const source = await openRegistryImage(`${registry.host}/x/y:v2@${image.manifest.digest}`, noConfig);
    assert.equal(source.manifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.equal(source.layers[0]?.mediaType, 'application/vnd.docker.image.rootfs.diff.tar.gzip');
    assert.ok(registry.requests.some((r) => r.path.endsWith(`/manifests/${image.manifest.digest}`)), 'pulls by digest');
    await source.close();
  });

  it('answers a Bearer challenge with credentials from the docker config and caches the token', async () => {
    registry.auth = { kind: 'bearer', username: 'alice', password: 's3cret' };
    const image = buildImage();
    publish(registry, 'private/app', 'latest', image);
    const config = await dockerConfig({ [`http://${registry.host}/v2/`]: { auth: Buffer.from('alice:s3cret').toString('base64') } });
    const source = await openRegistryImage(`${registry.host}/private/app`, { ...noConfig, dockerConfigPath: config });
    for (const layer of source.layers) await readAll(await source.openLayer(layer));
    await source.close();
    const tokens = registry.tokenRequests();
    assert.equal(tokens.length, 1, 'one token for manifest, config and layers');
    assert.equal(tokens[0]?.headers.authorization, `Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
    const query = new URL(tokens[0]?.path ?? '', 'http://x').searchParams;
    assert.equal(query.get('service'), 'fake-registry');
    assert.equal(query.get('scope'), 'repository:private/app:pull');
    const blobGets = registry.requests.filter((r) => r.path.includes('/blobs/'));
    assert.equal(blobGets.length, 3);
    assert.ok(blobGets.every((r) => r.headers.authorization === 'Bearer tok-1'));
  });

  it('gets anonymous tokens, reads access_token, and renews a token the registry refuses', async () => {
    registry.auth = { kind: 'bearer', field: 'access_token' };
    const image = buildImage();
    publish(registry, 'pub/app', 'latest', image);
    const source = await openRegistryImage(`${registry.host}/pub/app`, noConfig);
    assert.equal(registry.tokenRequests()[0]?.headers.authorization, undefined);
    // a registry restart forgets its tokens: the next request gets a 401 and a fresh token
    registry.auth = { kind: 'bearer', field: 'token' };
    const restarted = registry.requests.length;
    registry.intercept = (req, res) => {
      if (req.headers.authorization === 'Bearer tok-1') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${registry.host}/token",service="fake-registry",scope="repository:pub/app:pull"` }).end();
        return true;
      }
      return false;
    };
    assert.ok((await readAll(await source.openLayer(source.layers[0] ?? assert.fail()))).length > 0);
    assert.equal(registry.requests.slice(restarted).filter((r) => r.path.startsWith('/token')).length, 1);
    await source.close();
  });

  it('names the credentials when the token endpoint refuses them', async () => {
    registry.auth = { kind: 'bearer', username: 'alice', password: 'right' };
    publish(registry, 'private/app', 'latest', buildImage());
    const config = await dockerConfig({ [registry.host]: { username: 'alice', password: 'wrong' } });
    await rejectsWith(openRegistryImage(`${registry.host}/private/app`, { ...noConfig, dockerConfigPath: config }),
      /token request of .*private\/app:latest/, /UNAUTHORIZED/, new RegExp(`check the credentials for ${registry.host} in ${config.replace(/[.]/g, '\\.')}`));
  });

  it('uses Basic credentials, and says how to log in when there are none', async () => {
    registry.auth = { kind: 'basic', username: 'bob', password: 'pw' };
    publish(registry, 'b/app', 'latest', buildImage());
    await rejectsWith(openRegistryImage(`${registry.host}/b/app`, noConfig), /requires Basic authentication/, /no credentials/, /docker login/);
    const config = await dockerConfig({ [registry.host]: { auth: Buffer.from('bob:pw').toString('base64') } });
    const source = await openRegistryImage(`${registry.host}/b/app`, { ...noConfig, dockerConfigPath: config });
    assert.equal(source.layers.length, 2);
    await source.close();
    // the header learnt from the first challenge is sent up front afterwards: one 401 in all
    assert.equal(registry.requests.filter((r) => r.headers.authorization === undefined).length, 2);
  });

  it('reads credentials through DOCKER_CONFIG', async () => {
    registry.auth = { kind: 'basic', username: 'bob', password: 'pw' };
    publish(registry, 'b/app', 'latest', buildImage());
    const configDir = await mkdtemp(join(dir, 'dc-'));
    await writeFile(join(configDir, 'config.json'), JSON.stringify({ auths: { [registry.host]: { username: 'bob', password: 'pw' } } }));
    const source = await openRegistryImage(`${registry.host}/b/app`, { timeoutMs: 5_000, env: { DOCKER_CONFIG: configDir } });
    await source.close();
  });

  it('explains credential helpers instead of running them', async () => {
    registry.auth = { kind: 'basic', username: 'bob', password: 'pw' };
    publish(registry, 'b/app', 'latest', buildImage());
    const config = await dockerConfig({}, { credHelpers: { [registry.host]: 'secretservice' } });
    await rejectsWith(openRegistryImage(`${registry.host}/b/app`, { ...noConfig, dockerConfigPath: config }), /docker-credential-secretservice/, /does not run credential helpers/);
  });

  it('trades an identity token for an access token with the refresh-token grant', async () => {
    registry.auth = { kind: 'bearer', field: 'access_token' };
    publish(registry, 'i/app', 'latest', buildImage());
    const config = await dockerConfig({ [registry.host]: { identitytoken: 'refresh-me' } });
    const source = await openRegistryImage(`${registry.host}/i/app`, { ...noConfig, dockerConfigPath: config });
    await source.close();
    assert.deepEqual(registry.tokenRequests().map((r) => [r.method, r.headers['content-type']]), [['POST', 'application/x-www-form-urlencoded']]);
  });

  it('picks the platform from an index, default linux/amd64, and lists what exists otherwise', async () => {
    const amd64 = buildImage({ layers: [{ a: 'amd64' }] });
    const arm64 = buildImage({ architecture: 'arm64', variant: 'v8', layers: [{ a: 'arm64' }] });
    const armv7 = buildImage({ architecture: 'arm', variant: 'v7', layers: [{ a: 'armv7' }] });
    const attestation = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256(Buffer.from('att')), size: 3, platform: { os: 'unknown', architecture: 'unknown' } };
    const index = buildIndex([amd64, arm64, armv7], 'oci', [attestation]);
    publishIndex(registry, 'multi/app', 'latest', index, [amd64, arm64, armv7]);

    const byDefault = await openRegistryImage(`${registry.host}/multi/app`, noConfig);
    assert.equal(byDefault.manifestDigest, amd64.manifest.digest);
    assert.equal(byDefault.config.architecture, 'amd64');
    await byDefault.close();
    const arm = await openRegistryImage(`${registry.host}/multi/app`, { ...noConfig, platform: 'linux/aarch64' });
    assert.equal(arm.manifestDigest, arm64.manifest.digest);
    assert.equal(arm.config.variant, 'v8');
    await arm.close();
    const v7 = await openRegistryImage(`${registry.host}/multi/app`, { ...noConfig, platform: 'linux/arm/v7' });
    assert.equal(v7.layers[0]?.digest, armv7.layers[0]?.digest);
    await v7.close();
    await rejectsWith(openRegistryImage(`${registry.host}/multi/app`, { ...noConfig, platform: 'linux/s390x' }),
      /no image for platform linux\/s390x; available: linux\/amd64, linux\/arm64, linux\/arm\/v7 \(choose one with --platform\)/);
    await rejectsWith(openRegistryImage(`${registry.host}/multi/app`, { ...noConfig, platform: 'linux' }), /invalid platform "linux"/);
  });

  it('reads a Docker manifest list', async () => {
    const amd64 = buildImage({ flavour: 'docker' });
    const index = buildIndex([amd64], 'docker');
    publishIndex(registry, 'list/app', 'latest', index, [amd64]);
    const source = await openRegistryImage(`${registry.host}/list/app`, noConfig);
    assert.equal(source.manifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    await source.close();
  });

  it('refuses a single-platform image for another --platform', async () => {
    publish(registry, 'one/app', 'latest', buildImage());
    await rejectsWith(openRegistryImage(`${registry.host}/one/app`, { ...noConfig, platform: 'linux/arm64' }), /single-platform image for linux\/amd64, not linux\/arm64/);
  });

  it('verifies the manifest against the pinned digest and Docker-Content-Digest', async () => {
    const image = buildImage();
    const other = buildImage({ layers: [{ other: 'x' }] });
    registry.manifests.set(`d/app@${image.manifest.digest}`, { bytes: other.manifest.bytes, mediaType: other.manifest.mediaType, digestHeader: null });
    await rejectsWith(openRegistryImage(`${registry.host}/d/app@${image.manifest.digest}`, noConfig),
      /manifest of .*d\/app@sha256:.*digest mismatch, expected sha256:[0-9a-f]{64} but the content hashes to sha256:/);
    registry.manifests.set('d/app:tag', { bytes: image.manifest.bytes, mediaType: image.manifest.mediaType, digestHeader: other.manifest.digest });
    await rejectsWith(openRegistryImage(`${registry.host}/d/app:tag`, noConfig), /digest mismatch/);
  });

  it('verifies an index child against its descriptor digest', async () => {
    const amd64 = buildImage();
    const index = buildIndex([amd64]);
    registry.manifests.set('c/app:latest', { bytes: index.bytes, mediaType: index.mediaType });
    registry.manifests.set(`c/app@${amd64.manifest.digest}`, { bytes: buildImage({ layers: [] }).manifest.bytes, mediaType: amd64.manifest.mediaType, digestHeader: null });
    await rejectsWith(openRegistryImage(`${registry.host}/c/app`, noConfig), /linux\/amd64 manifest of .*digest mismatch/);
  });

  it('verifies the config blob and fails a layer stream whose bytes do not match', async () => {
    const image = buildImage();
    publish(registry, 'v/app', 'latest', image);
    registry.blobs.set(image.config.digest, Buffer.from('{"os":"linux"}'));
    await rejectsWith(openRegistryImage(`${registry.host}/v/app`, noConfig), /config sha256:.*digest mismatch/);

    publish(registry, 'v/app', 'latest', image);
    const layer = image.layers[0] ?? assert.fail();
    const tampered = Buffer.from(layer.bytes);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 0xff, tampered.length - 1);
    registry.blobs.set(layer.digest, tampered);
    const source = await openRegistryImage(`${registry.host}/v/app`, noConfig);
    const error = await rejectsWith(readAll(await source.openLayer(source.layers[0] ?? assert.fail())), /layer sha256:.* of .*v\/app:latest: digest mismatch/);
    assert.equal(error.code, 'input.read');
    registry.blobs.set(layer.digest, Buffer.concat([layer.bytes, Buffer.from('extra')]));
    await rejectsWith(readAll(await source.openLayer(source.layers[0] ?? assert.fail())), /more than the \d+ bytes its descriptor declares/);
    await source.close();
  });

  it('follows blob redirects to another host without sending it the Authorization header', async () => {
    registry.auth = { kind: 'bearer' };
    registry.redirectBlobs = true;
    const image = buildImage();
    publish(registry, 'r/app', 'latest', image);
    const source = await openRegistryImage(`${registry.host}/r/app`, noConfig);
    assert.deepEqual(await readAll(await source.openLayer(source.layers[1] ?? assert.fail())), image.layers[1]?.bytes);
    await source.close();
    const stored = registry.requests.filter((r) => r.server === 'storage');
    assert.equal(stored.length, 2, 'config and one layer from storage');
    assert.ok(stored.every((r) => r.headers.authorization === undefined), 'no Authorization to the storage host');
    assert.ok(registry.requests.filter((r) => r.server === 'registry' && r.path.includes('/blobs/')).every((r) => r.headers.authorization === 'Bearer tok-1'));
  });

  it('gives up on a layer download that stalls, but waits for a slow consumer', async () => {
    const big = buildImage({ layers: [{ noise: randomBytes(1 << 20).toString('base64') }] });
    publish(registry, 's/app', 'latest', big);
    const source = await openRegistryImage(`${registry.host}/s/app`, { ...noConfig, timeoutMs: 200 });
    const layer = source.layers[0] ?? assert.fail();
    const stream = await source.openLayer(layer);
    await new Promise((r) => setTimeout(r, 600)); // backpressure, not a stalled registry
    assert.deepEqual(await readAll(stream), big.layers[0]?.bytes);

    registry.intercept = (req, res) => {
      if (!req.url?.includes('/blobs/')) return false;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(layer.size) });
      res.write(big.layers[0]?.bytes.subarray(0, 1000)); // then silence
      return true;
    };
    await rejectsWith(readAll(await source.openLayer(layer)), /layer sha256:.* of .*s\/app:latest: no data for 200 ms, giving up/);
    await source.close();
  });

  it('rejects schema 1 manifests', async () => {
    const body = Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'old/app', tag: 'latest', fsLayers: [], history: [] }));
    registry.manifests.set('old/app:latest', { bytes: body, mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws' });
    await rejectsWith(openRegistryImage(`${registry.host}/old/app`, noConfig), /Docker schema 1 manifest, which Bosun does not read/);
    registry.manifests.set('old/app:json', { bytes: body, mediaType: 'application/json' });
    await rejectsWith(openRegistryImage(`${registry.host}/old/app:json`, noConfig), /schema 1/);
  });

  it('refuses oversized manifests, declared or streamed', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x20);
    registry.manifests.set('big/app:latest', { bytes: big, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
    const error = await rejectsWith(openRegistryImage(`${registry.host}/big/app`, noConfig), /the manifest of .*big\/app:latest is 5\.0 MiB, over the 4\.0 MiB limit/);
    assert.equal(error.code, 'input.too-large');
    registry.intercept = (req, res) => {
      if (!req.url?.includes('/manifests/')) return false;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }); // chunked: no length
      res.end(Buffer.alloc(2048, 0x20));
      return true;
    };
    await rejectsWith(openRegistryImage(`${registry.host}/big/app`, { ...noConfig, maxManifestBytes: 1024 }), /larger than the 1\.0 KiB limit/);
  });

  it('reports registry error codes with the image and registry', async () => {
    await rejectsWith(openRegistryImage(`${registry.host}/none/app:1`, noConfig),
      new RegExp(`manifest of ${registry.host}/none/app:1 from ${registry.host}: manifest unknown: no such tag or digest \\(MANIFEST_UNKNOWN: manifest unknown: 1; HTTP 404\\)`));
    registry.intercept = (_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }));
      return true;
    };
    await rejectsWith(openRegistryImage(`${registry.host}/none/app:1`, noConfig), /access denied \(DENIED: requested access/, /may not pull this repository/);
    registry.intercept = (_req, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('no');
      return true;
    };
    await rejectsWith(openRegistryImage(`${registry.host}/none/app:1`, noConfig), /challenge Bosun does not support: no WWW-Authenticate header/);
    registry.intercept = (_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] }));
      return true;
    };
    await rejectsWith(openRegistryImage(`${registry.host}/none/app:1`, noConfig), /repository name unknown: no such repository \(NAME_UNKNOWN/);
  });

  it('reports a refused connection and an invalid reference clearly', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    await rejectsWith(openRegistryImage(`127.0.0.1:${port}/x/y`, noConfig), new RegExp(`manifest of 127\\.0\\.0\\.1:${port}/x/y:latest from 127\\.0\\.0\\.1:${port}: connection refused`));
    const usage = await rejectsWith(openRegistryImage('UPPER/case', noConfig), /invalid image reference "UPPER\/case": repository names must be lowercase/);
    assert.equal(usage.code, 'usage');
  });

  it('times out a registry that does not answer', async () => {
    registry.intercept = () => true; // never answers
    await rejectsWith(openRegistryImage(`${registry.host}/slow/app`, { ...noConfig, timeoutMs: 300 }), /no answer within 300 ms/);
  });
});
