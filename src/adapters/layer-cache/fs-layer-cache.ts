import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { decodeSelection, encodeSelection } from '../../vuln/index.js';
import type { CacheLookup, LayerCache, LayerSelection } from '../../vuln/index.js';

export interface FsLayerCacheOptions {
  /** @default defaultLayerCacheDir() */
  dir?: string;
}

/** `$XDG_CACHE_HOME/bosun/layers`, else `~/.cache/bosun/layers` (ref. XDG Base Directory Specification). */
export function defaultLayerCacheDir(env: Readonly<Record<string, string | undefined>> = process.env, home: string = homedir()): string {
  const xdg = env['XDG_CACHE_HOME'];
  // The spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const base = xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.cache');
  return join(base, 'bosun', 'layers');
}

/** Digests name files here, and they come from manifests someone else wrote: only `algo:hex` passes. */
const DIGEST = /^([a-z0-9]+):([a-f0-9]{32,128})$/;

/**
 * Layer selections on disk, one gzipped file per layer digest and selection key. Writes go to a
 * temporary file renamed into place (atomic on POSIX), so a crash or a concurrent scan leaves the
 * old entry, the new one or none; an entry that still fails to decode is reported corrupt and
 * overwritten by the next put.
 */
export function createFsLayerCache(options: FsLayerCacheOptions = {}): LayerCache {
  const dir = options.dir ?? defaultLayerCacheDir();
  const fileOf = (digest: string, key: string): string | undefined => {
    const match = DIGEST.exec(digest);
    if (match === null || !/^[a-f0-9]+$/.test(key)) return undefined;
    return join(dir, `${match[1]}-${match[2]}.${key}.json.gz`);
  };
  return {
    async get(digest, key): Promise<CacheLookup> {
      const file = fileOf(digest, key);
      if (file === undefined) return { status: 'miss' };
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return { status: 'miss' };
      }
      const decoded = decodeSelection(bytes);
      if (!decoded.ok) return { status: 'corrupt', reason: decoded.reason };
      if (decoded.selection.digest !== digest) return { status: 'corrupt', reason: `entry is for layer ${decoded.selection.digest}` };
      return { status: 'hit', selection: decoded.selection };
    },
    async put(digest, key, selection: LayerSelection): Promise<void> {
      const file = fileOf(digest, key);
      if (file === undefined) return;
      await mkdir(dir, { recursive: true });
      const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, encodeSelection(selection));
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
  };
}
