import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

describe('openRegistryImage with an injected fetch', () => {
  const image = buildImage();
  const host = 'registry.example';
  const seen: { url: string; authorization: string | null }[] = [];
  let storage = 'https://registry.example/storage';
  /** A registry on https://registry.example that wants Basic auth and redirects blobs to `storage`. */
  const fakeFetch = (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    seen.push({ url, authorization: headers.get('authorization') });
    const u = new URL(url);
    if (u.host === host && u.pathname.startsWith('/v2/') && headers.get('authorization') !== `Basic ${Buffer.from('u:p').toString('base64')}`) {
      return Promise.resolve(new Response('{}', { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } }));
    }
    if (u.pathname === '/v2/team/app/manifests/1') return Promise.resolve(new Response(image.manifest.bytes, { headers: { 'content-type': image.manifest.mediaType } }));
    const blobDigest = /\/blobs\/(.+)$/.exec(u.pathname)?.[1];
    if (blobDigest !== undefined) return Promise.resolve(new Response(null, { status: 307, headers: { location: `${storage}/${blobDigest}` } }));
    const stored = [image.config, ...image.layers].find((b) => u.pathname.endsWith(b.digest));
    return Promise.resolve(stored === undefined ? new Response('', { status: 404 }) : new Response(stored.bytes));
  };

  it('keeps Authorization on same-host redirects and refuses HTTPS to HTTP downgrades', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bosun-fetch-'));
    try {
      const config = join(dir, 'config.json');
      await writeFile(config, JSON.stringify({ auths: { [host]: { username: 'u', password: 'p' } } }));
      const source = await openRegistryImage(`${host}/team/app:1`, { dockerConfigPath: config, fetch: fakeFetch });
      assert.ok(seen.every((s) => s.url.startsWith('https://')), 'https for a non-loopback registry');
      const stored = seen.filter((s) => s.url.includes('/storage/'));
      assert.equal(stored.length, 1, 'the config came through the redirect');
      assert.ok(stored.every((s) => s.authorization !== null), 'same host keeps Authorization');
      storage = 'http://registry.example/storage';
      await assert.rejects(source.openLayer(source.layers[0] ?? assert.fail()), /refusing a redirect from HTTPS to plain HTTP \(registry\.example\) without --insecure/);
      await source.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('registry client timeouts over insecure HTTPS', { skip: hasOpenssl ? false : 'openssl not installed' }, () => {
  it('says the registry did not answer in time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bosun-tls-'));
    const tls = await selfSigned(dir);
    assert.ok(tls);
    const registry = await startFakeRegistry({ tls });
    registry.intercept = () => true; // never answers
    try {
      const client = createRegistryClient({
        reference: parseImageReference(`${registry.host}/x/y`), credential: undefined, configPath: '/none', insecure: true, timeoutMs: 300, userAgent: 't',
      });
      await assert.rejects(client.getManifest('latest', 1024), /from 127\.0\.0\.1:\d+: no answer within 300 ms/);
      client.close();
    } finally {
      await registry.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
