import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FILE_ANALYZERS, inventoryImage } from '../../vuln/index.js';
import type { LayerProgress } from '../../vuln/index.js';
import { buildTar, gzip, memorySource } from '../../vuln/image/testing/layer-tar.js';
import { createFsLayerCache, defaultLayerCacheDir } from './fs-layer-cache.js';

const STATUS = 'Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9\n';

describe('createFsLayerCache', () => {
  let dir = '';
  let blobs: Buffer[] = [];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bosun-layer-cache-'));
    blobs = [
      gzip(await buildTar([{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' }, { name: 'var/lib/dpkg/status', content: STATUS }])),
      await buildTar([{ name: 'app/requirements.txt', content: 'flask==2.0.1\n' }, { name: 'bin/tool', content: '\u0000\u0001binary', mode: 0o755 }]),
    ];
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function scan(): Promise<{ opened: string[]; cache: string[]; packages: string[] }> {
    const source = memorySource(blobs);
    const states: LayerProgress[] = [];
    const inventory = await inventoryImage({ source, analyzers: FILE_ANALYZERS.values(), cache: createFsLayerCache({ dir }), onProgress: (p) => p.done && states.push(p) });
    return { opened: source.opened, cache: states.map((s) => s.cache), packages: inventory.packages.map((p) => `${p.name}@${p.version}#${p.locations[0]?.layer ?? ''}`) };
  }

  it('misses, then hits without opening any layer, then recovers from a corrupt entry', async () => {
    const cold = await scan();
    assert.deepEqual(cold.cache, ['miss', 'miss']);
    assert.equal(cold.opened.length, 2);
    assert.equal((await readdir(dir)).filter((f) => f.endsWith('.json.gz')).length, 2);

    const warm = await scan();
    assert.deepEqual(warm.cache, ['hit', 'hit']);
    assert.deepEqual(warm.opened, [], 'a warm scan opens no layer blob');
    assert.deepEqual(warm.packages, cold.packages);

    const [first] = (await readdir(dir)).filter((f) => f.endsWith('.json.gz')).sort();
    assert.ok(first !== undefined);
    const bytes = await readFile(join(dir, first));
    await writeFile(join(dir, first), bytes.subarray(0, bytes.length - 10));
    const recovered = await scan();
    assert.deepEqual(recovered.cache.sort(), ['corrupt', 'hit']);
    assert.equal(recovered.opened.length, 1);
    assert.deepEqual(recovered.packages, cold.packages);

    const again = await scan();
    assert.deepEqual(again.cache, ['hit', 'hit'], 'the corrupt entry was rewritten');
  });

  it('treats garbage and entries of another layer as corrupt, and hostile digests as misses', async () => {
    const cache = createFsLayerCache({ dir });
    const digest = `sha256:${'a'.repeat(64)}`;
    await cache.put(digest, 'abc123', { digest: `sha256:${'b'.repeat(64)}`, entries: [] });
    assert.equal((await cache.get(digest, 'abc123')).status, 'corrupt');
    await writeFile(join(dir, `sha256-${'c'.repeat(64)}.abc123.json.gz`), 'not gzip');
    assert.equal((await cache.get(`sha256:${'c'.repeat(64)}`, 'abc123')).status, 'corrupt');
    assert.equal((await cache.get('sha256:../../etc/passwd', 'abc123')).status, 'miss');
    await cache.put('../../evil', 'abc123', { digest: '../../evil', entries: [] });
    assert.equal((await readdir(dir)).some((f) => f.includes('evil')), false);
  });

  it('defaults to $XDG_CACHE_HOME/bosun/layers, else ~/.cache/bosun/layers', () => {
    assert.equal(defaultLayerCacheDir({ XDG_CACHE_HOME: '/xdg' }, '/home/u'), '/xdg/bosun/layers');
    assert.equal(defaultLayerCacheDir({}, '/home/u'), '/home/u/.cache/bosun/layers');
    assert.equal(defaultLayerCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u'), '/home/u/.cache/bosun/layers');
  });
});
