/**
 * The real thing: a Debian bookworm image built from a minbase debootstrap, pushed to a real
 * distribution registry (OCI and Docker v2 schema 2 manifests) and saved as a `docker save`
 * archive. Its inventory, read through the registry API and from the archives, must list exactly
 * the packages `dpkg-query -W` lists for the root filesystem it was made from.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openImageArchive } from '../../src/adapters/image-archive/index.js';
import { createFsLayerCache } from '../../src/adapters/layer-cache/index.js';
import { openRegistryImage } from '../../src/adapters/registry/index.js';
import { FILE_ANALYZERS, inventoryImage } from '../../src/vuln/index.js';
import type { ImageInventory, ImageSource, LayerProgress } from '../../src/vuln/index.js';
import { bookwormImage, dpkgOracle, missingImageTools } from '../support/bookworm-image.js';
import type { BookwormImage } from '../support/bookworm-image.js';
import { startLocalRegistry } from '../support/local-registry.js';
import type { LocalRegistry } from '../support/local-registry.js';

const TOOLS = ['debootstrap', 'umoci', 'skopeo', 'docker-registry', 'dpkg-query'];
const missing = await missingImageTools(TOOLS);
// In CI the tools are installed by .ci/run, so a missing one is a failure there, not a skip.
const skip = missing.length > 0 && process.env['CI'] !== 'true' ? `needs ${missing.join(', ')} (installed by .ci/run)` : false;

function debianPackages(inventory: ImageInventory): string[] {
  return inventory.packages
    .filter((p) => p.ecosystem === 'Debian')
    .map((p) => `${p.name} ${p.version}`)
    .sort();
}

async function inventoryOf(source: ImageSource, cacheDir?: string, progress?: LayerProgress[]): Promise<ImageInventory> {
  try {
    return await inventoryImage({
      source,
      analyzers: FILE_ANALYZERS.values(),
      ...(cacheDir !== undefined ? { cache: createFsLayerCache({ dir: cacheDir }) } : {}),
      ...(progress !== undefined ? { onProgress: (p: LayerProgress) => progress.push(p) } : {}),
    });
  } finally {
    await source.close();
  }
}

describe('real bookworm image', { skip, timeout: 20 * 60_000 }, () => {
  let image: BookwormImage;
  let oracle: string[];
  let registry: LocalRegistry;
  let cacheDir: string;

  before(async () => {
    image = await bookwormImage();
    oracle = await dpkgOracle(image.rootfs);
    registry = await startLocalRegistry();
    await registry.push(`oci:${image.layout}:bookworm`, 'bosun/debian:bookworm', 'oci');
    await registry.push(`oci:${image.layout}:bookworm`, 'bosun/debian:bookworm-v2s2', 'v2s2');
    cacheDir = await mkdtemp(path.join(tmpdir(), 'bosun-layer-cache-'));
  });

  after(async () => {
    await registry?.stop();
    if (cacheDir !== undefined) await rm(cacheDir, { recursive: true, force: true });
  });

  it('has a real package set to compare with', () => {
    assert.ok(oracle.length > 50, `dpkg-query listed only ${oracle.length} packages`);
    assert.ok(oracle.some((line) => line.startsWith('libc6 ')));
  });

  it('through the registry (OCI manifest) matches dpkg-query exactly', async () => {
    const inventory = await inventoryOf(await openRegistryImage(`${registry.host}/bosun/debian:bookworm`, { env: {} }));
    assert.equal(inventory.image.manifestMediaType, 'application/vnd.oci.image.manifest.v1+json');
    assert.deepEqual(debianPackages(inventory), oracle);
    assert.equal(inventory.os?.id, 'debian');
    assert.deepEqual(inventory.errors, []);
    const layer = inventory.image.layers[0]?.digest;
    assert.ok(inventory.packages.every((p) => p.locations.every((l) => l.layer === layer)), 'every package is located in the image layer');
  });

  it('through the registry (Docker v2 schema 2 manifest) matches dpkg-query exactly', async () => {
    const inventory = await inventoryOf(await openRegistryImage(`${registry.host}/bosun/debian:bookworm-v2s2`, { env: {} }));
    assert.equal(inventory.image.manifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.deepEqual(debianPackages(inventory), oracle);
  });

  it('from the docker save archive matches dpkg-query exactly', async () => {
    const inventory = await inventoryOf(await openImageArchive(image.dockerArchive));
    assert.deepEqual(debianPackages(inventory), oracle);
  });

  it('from the OCI layout matches, and a second scan comes from the layer cache', async () => {
    const cold: LayerProgress[] = [];
    const first = await inventoryOf(await openImageArchive(image.layout), cacheDir, cold);
    assert.deepEqual(debianPackages(first), oracle);
    assert.ok(cold.some((p) => p.done && p.cache === 'miss'));
    const warm: LayerProgress[] = [];
    const second = await inventoryOf(await openImageArchive(image.layout), cacheDir, warm);
    assert.deepEqual(debianPackages(second), oracle);
    assert.ok(warm.filter((p) => p.done).every((p) => p.cache === 'hit' && p.bytesRead === 0), 'no layer blob read on the warm scan');
  });
});
