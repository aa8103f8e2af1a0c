import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRegistryClient, type RegistryClientOptions } from './client.js';
import { openRegistryImage } from './open.js';
import { parseImageReference } from './reference.js';
import { startFakeRegistry, type FakeRegistry } from './testing/fake-registry.js';
import { buildImage } from './testing/image.js';

/** A throwaway self-signed certificate for 127.0.0.1, made by openssl; undefined without openssl. */
async function selfSigned(dir: string): Promise<{ key: string; cert: string } | undefined> {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert,
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  if (made.status !== 0) return undefined;
  return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
}

const hasOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;

describe('registry client over HTTPS with a self-signed certificate', { skip: hasOpenssl ? false : 'openssl not installed, cannot make a test certificate' }, () => {
  let dir = '';
  let registry: FakeRegistry;
  const image = buildImage();
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bosun-tls-'));
    const tls = await selfSigned(dir);
    assert.ok(tls, 'openssl made a certificate');
    registry = await startFakeRegistry({ tls });
    registry.manifests.set('x/y:latest', { bytes: image.manifest.bytes, mediaType: image.manifest.mediaType });
    for (const b of [image.config, ...image.layers]) registry.blobs.set(b.digest, b.bytes);
  });
  after(async () => {
    await registry.close();
    await rm(dir, { recursive: true, force: true });
  });
  const options = (insecure: boolean): RegistryClientOptions => ({
    reference: parseImageReference(`${registry.host}/x/y`),
    credential: undefined,
    configPath: '/nonexistent/config.json',
    insecure,
    timeoutMs: 5_000,
    userAgent: 'bosun-test',
  });

  it('fails certificate verification with a clear message when not insecure', async () => {
    const client = createRegistryClient(options(false));
    await assert.rejects(client.getManifest('latest', 1 << 20),
      new RegExp(`manifest of ${registry.host}/x/y:latest from ${registry.host}: TLS failure \\([A-Z_]+\\); .*use --insecure`));
    client.close();
  });

  it('skips verification for the registry host when insecure, tokens included', async () => {
    registry.auth = { kind: 'bearer' };
    const client = createRegistryClient(options(true));
    const fetched = await client.getManifest('latest', 1 << 20);
    assert.deepEqual(fetched.bytes, image.manifest.bytes);
    client.close();
    assert.equal(registry.tokenRequests().length, 1, 'the HTTPS token realm on the registry host was reached');
    // loopback registries are insecure by default, and HTTPS is tried before plain HTTP
    const source = await openRegistryImage(`${registry.host}/x/y`, { dockerConfigPath: '/nonexistent/config.json' });
    assert.equal(source.layers.length, 2);
    await source.close();
  });
});
