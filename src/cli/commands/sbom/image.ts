import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openImageArchive } from '../../../adapters/image-archive/index.js';
import { createFsLayerCache, defaultLayerCacheDir } from '../../../adapters/layer-cache/index.js';
import { openRegistryImage, parsePlatform } from '../../../adapters/registry/index.js';
import { FILE_ANALYZERS, inventoryImage } from '../../../vuln/index.js';
import type { ImageSource, LayerProgress } from '../../../vuln/index.js';
import type { CliIo } from '../../io.js';
import { finish, runSbom } from './run.js';
import type { SbomTarget } from './run.js';
import type { SbomOptions } from './run.js';

export interface SbomImageOptions extends SbomOptions {
  /** `os/arch[/variant]` for multi-platform images. @default 'linux/amd64' for registries */
  platform?: string;
  /** Plain HTTP or unverified TLS for this registry. @default false */
  insecure?: boolean;
  /** Which image of an archive holding several (a tag or ref name). */
  tag?: string;
  /** @default $XDG_CACHE_HOME/bosun/layers or ~/.cache/bosun/layers */
  cacheDir?: string;
  /** commander's `--no-cache`. @default true */
  cache?: boolean;
}

/**
 * `bosun sbom image TARGET`: TARGET is an archive or OCI layout when it exists on disk, otherwise a
 * registry reference. Layers stream once; analysed layers are cached by digest.
 */
export async function runSbomImage(target: string, opts: SbomImageOptions, io: CliIo): Promise<number> {
  const folder = await plainFolderKind(resolve(io.cwd, target));
  // `bosun sbom DIR` lands here too: a folder that is not an OCI layout is a root filesystem or a project.
  if (folder !== undefined) return await runSbom(folder, target, opts, io);
  const source = await openSource(target, opts, io);
  try {
    const cache = opts.cache === false ? undefined : createFsLayerCache({ dir: opts.cacheDir ?? defaultLayerCacheDir(io.env) });
    const inventory = await inventoryImage({
      source,
      analyzers: FILE_ANALYZERS.values(),
      ...(cache !== undefined ? { cache } : {}),
      ...(opts.maxFileSize !== undefined ? { limits: { maxFileSize: opts.maxFileSize } } : {}),
      onProgress: progressPrinter(io),
    });
    return await finish(inventory, target, opts, io);
  } finally {
    await source.close();
  }
}

async function openSource(target: string, opts: SbomImageOptions, io: CliIo): Promise<ImageSource> {
  const onDisk = await stat(resolve(io.cwd, target)).then(
    () => true,
    () => false,
  );
  if (onDisk) {
    return await openImageArchive(resolve(io.cwd, target), {
      ...(opts.platform !== undefined ? { platform: parsePlatform(opts.platform) } : {}),
      ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
    });
  }
  return await openRegistryImage(target, {
    ...(opts.platform !== undefined ? { platform: opts.platform } : {}),
    ...(opts.insecure === true ? { insecure: true } : {}),
    env: io.env,
  });
}

/** One line per finished layer on a terminal's stderr; silent when piped, so logs stay clean. */
function progressPrinter(io: CliIo): (progress: LayerProgress) => void {
  return (p) => {
    if (io.stderr.isTTY !== true || !p.done) return;
    const size = p.cache === 'hit' ? 'cached' : `${(p.bytesRead / 1048576).toFixed(1)} MiB`;
    io.stderr.write(`layer ${p.index + 1}/${p.count} ${p.digest.slice(0, 19)} ${size}\n`);
  };
}

/** How a folder that is not an OCI layout is scanned; undefined for layouts, files and references. */
async function plainFolderKind(path: string): Promise<SbomTarget | undefined> {
  const isDir = await stat(path).then((s) => s.isDirectory(), () => false);
  if (!isDir) return undefined;
  const exists = (name: string): Promise<boolean> => access(join(path, name)).then(() => true, () => false);
  if ((await exists('oci-layout')) || (await exists('index.json'))) return undefined;
  return (await exists('etc/os-release')) || (await exists('usr/lib/os-release')) || (await exists('var/lib/dpkg/status')) ? 'rootfs' : 'fs';
}
