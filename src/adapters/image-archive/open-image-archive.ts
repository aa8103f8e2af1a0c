import { open, stat } from 'node:fs/promises';
import { BosunError } from '../../kernel/index.js';
import type { ImageSource } from '../../vuln/index.js';
import { directoryFiles, tarFiles } from './archive-files.js';
import type { ArchiveFiles } from './archive-files.js';
import { openDockerArchive } from './docker-archive.js';
import { openOciLayout } from './oci-layout.js';
import type { ArchiveSelection } from './select-image.js';

/**
 * An image archive on disk, whatever kind it is: an OCI layout directory, an OCI layout in a tar,
 * or a `docker save` tar. OCI wins when a tar has both (docker ≥ 25 writes both), since index.json
 * gives the manifest digest. The caller closes the source.
 */
export async function openImageArchive(path: string, selection: ArchiveSelection = {}): Promise<ImageSource> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new BosunError('input.read', `cannot read image archive: ${error instanceof Error ? error.message : String(error)}`, { file: path, cause: error });
  }
  if (info.isDirectory()) {
    const files = directoryFiles(path);
    if ((await files.size('index.json')) === undefined) {
      throw new BosunError('input.read', 'not an OCI image layout: no index.json in the directory', { file: path });
    }
    return await openOciLayout(files, path, selection);
  }
  await refuseCompressed(path);
  const files = await tarFiles(path);
  try {
    return await openTarArchive(files, path, selection);
  } catch (error) {
    await files.close();
    throw error;
  }
}

async function openTarArchive(files: ArchiveFiles, path: string, selection: ArchiveSelection): Promise<ImageSource> {
  if ((await files.size('index.json')) !== undefined) return await openOciLayout(files, path, selection);
  if ((await files.size('manifest.json')) !== undefined) return await openDockerArchive(files, path, selection);
  throw new BosunError('input.read', 'not an image archive: the tar has neither index.json (OCI layout) nor manifest.json (docker save)', { file: path });
}

/** A compressed archive cannot be read in place; say so rather than "invalid tar header". */
async function refuseCompressed(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      throw new BosunError('input.read', 'the archive is gzip-compressed; decompress it first (gunzip), since images are read in place', { file: path });
    }
    if (head.equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) {
      throw new BosunError('input.read', 'the archive is zstd-compressed; decompress it first, since images are read in place', { file: path });
    }
  } finally {
    await handle.close();
  }
}
