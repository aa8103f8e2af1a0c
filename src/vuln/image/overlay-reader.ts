import { posix } from 'node:path';
import type { FileReader } from '../inventory/index.js';
import { lookup } from './overlay.js';
import type { DirNode } from './overlay.js';

/** The overlay reader always gives bytes too (rpmdb.sqlite), like scanRootfs's rooted reader. */
export interface OverlayReader extends FileReader {
  readBytes(path: string): Promise<Uint8Array | undefined>;
}

/**
 * Reads the stacked image through the same rules as scanRootfs's rooted reader: relative paths only,
 * symlinks resolved inside the image. Files the layers did not keep read as missing, and
 * `onNotKept` hears of them: an analyzer reading a file it did not declare in `reads` would get a
 * different answer than on an unpacked root, which must not pass silently.
 */
export function overlayReader(root: DirNode, onNotKept: (path: string) => void = () => undefined): OverlayReader {
  const read = (path: string): Uint8Array | undefined => {
    if (path.includes('\u0000') || posix.isAbsolute(path)) return undefined;
    const normalized = posix.normalize(path);
    if (normalized === '..' || normalized.startsWith('../')) return undefined;
    const node = lookup(root, normalized, true);
    if (node?.kind !== 'file') return undefined;
    if (node.entry.content === undefined && node.entry.tooLarge !== true) onNotKept(normalized);
    return node.entry.content;
  };
  return {
    async readText(path) {
      const bytes = read(path);
      return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    },
    async readBytes(path) {
      return read(path);
    },
  };
}
