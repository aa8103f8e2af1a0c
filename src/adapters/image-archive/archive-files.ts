import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BosunError } from '../../kernel/index.js';
import { indexTar, normalizeMemberName, resolveMember } from './tar-index.js';

/**
 * The files of an image archive, wherever they are: a directory (OCI layout) or a tar on disk
 * (`docker save`, an OCI layout tarred), read in place and never extracted.
 */
export interface ArchiveFiles {
  /** The archive path, for messages. */
  where: string;
  /** Size in bytes, or undefined when there is no such file. */
  size(path: string): Promise<number | undefined>;
  /** The whole file, refused over `limit` bytes (manifests and configs are small). */
  read(path: string, limit: number): Promise<Buffer>;
  /** Up to the first `length` bytes (magic numbers). */
  head(path: string, length: number): Promise<Buffer>;
  open(path: string): Promise<Readable>;
  close(): Promise<void>;
}

/** Files of a directory; names are archive-relative and must stay inside it. */
export function directoryFiles(dir: string): ArchiveFiles {
  const resolve = (path: string): string => {
    const name = normalizeMemberName(path);
    if (name === undefined) throw new BosunError('input.read', `archive path ${JSON.stringify(path)} leaves the archive`, { file: dir });
    return join(dir, name);
  };
  return {
    where: dir,
    async size(path) {
      try {
        const info = await stat(resolve(path));
        return info.isFile() ? info.size : undefined;
      } catch {
        return undefined;
      }
    },
    async read(path, limit) {
      const size = await this.size(path);
      if (size === undefined) throw missing(dir, path);
      if (size > limit) throw tooLarge(dir, path, size, limit);
      return await readFile(resolve(path));
    },
    async head(path, length) {
      if ((await this.size(path)) === undefined) throw missing(dir, path);
      const file = await open(resolve(path), 'r');
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await file.read(buffer, 0, length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    },
    async open(path) {
      if ((await this.size(path)) === undefined) throw missing(dir, path);
      return createReadStream(resolve(path));
    },
    async close() {},
  };
}

/** Members of a tar on disk, located by one pass over its headers and read with positioned reads. */
export async function tarFiles(archive: string): Promise<ArchiveFiles> {
  let handle: FileHandle;
  try {
    handle = await open(archive, 'r');
  } catch (error) {
    throw new BosunError('input.read', `cannot open archive: ${error instanceof Error ? error.message : String(error)}`, { file: archive, cause: error });
  }
  let index;
  try {
    index = await indexTar(handle, archive);
  } catch (error) {
    await handle.close();
    throw error;
  }
  let closed = false;
  const member = (path: string): { offset: number; size: number } => {
    const found = resolveMember(index, path);
    if (found === undefined) throw missing(archive, path);
    return found;
  };
  return {
    where: archive,
    async size(path) {
      return resolveMember(index, path)?.size;
    },
    async read(path, limit) {
      const { offset, size } = member(path);
      if (size > limit) throw tooLarge(archive, path, size, limit);
      const buffer = Buffer.alloc(size);
      await handle.read(buffer, 0, size, offset);
      return buffer;
    },
    async head(path, length) {
      const { offset, size } = member(path);
      const buffer = Buffer.alloc(Math.min(length, size));
      await handle.read(buffer, 0, buffer.length, offset);
      return buffer;
    },
    async open(path) {
      const { offset, size } = member(path);
      // A stream of its own per blob, so layers can be read while the index stays open.
      return size === 0 ? Readable.from([]) : createReadStream(archive, { start: offset, end: offset + size - 1 });
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

function missing(archive: string, path: string): BosunError {
  return new BosunError('input.read', `${path} is not in the archive`, { file: archive });
}

function tooLarge(archive: string, path: string, size: number, limit: number): BosunError {
  return new BosunError('input.too-large', `${path} is ${size} bytes, over the ${limit}-byte limit for image metadata`, { file: archive });
}
