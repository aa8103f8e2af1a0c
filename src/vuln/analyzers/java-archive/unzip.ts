import { unzipSync } from 'fflate';
import type { UnzipFileInfo } from 'fflate';

/** Uncompressed bytes one analysis may still extract, shared by every nesting level. */
export interface Budget {
  remaining: number;
  /** Set once an entry did not fit, so the limit is reported once. */
  exceeded: boolean;
}

export type UnzipResult = { ok: true; entries: Array<{ name: string; data: Uint8Array }>; problems: string[] } | { ok: false; message: string };

/** ref. PKZIP APPNOTE 4.4.5: the methods JARs use; fflate reads only these. */
const STORED = 0;
const DEFLATED = 8;

/**
 * Extracts the entries `wanted` selects, nothing else. Sizes come from the central directory; an
 * entry whose declared size does not fit the budget is not extracted (a zip bomb costs a header
 * read, not memory), and fflate inflates into a buffer of exactly the declared size, so a header
 * that under-declares cannot make it grow either.
 */
export function unzipSelected(bytes: Uint8Array, wanted: (name: string) => boolean, budget: Budget): UnzipResult {
  if (!centralDirectoryFits(bytes)) return { ok: false, message: 'not a readable zip archive (no end of central directory record, or one pointing outside the file)' };
  const problems: string[] = [];
  const chosen: UnzipFileInfo[] = [];
  const select = (file: UnzipFileInfo): boolean => {
    if (!wanted(file.name)) return false;
    if (file.compression !== STORED && file.compression !== DEFLATED) {
      problems.push(`${file.name}: compression method ${file.compression} is not supported`);
      return false;
    }
    if (file.originalSize > budget.remaining) {
      budget.exceeded = true;
      return false;
    }
    budget.remaining -= file.originalSize;
    chosen.push(file);
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: select });
  } catch (error) {
    // One bad entry makes fflate give up on the archive: retry entry by entry to keep the good ones.
    if (chosen.length === 0) return { ok: false, message: `not a readable zip archive (${describe(error)})` };
    files = {};
    for (const file of chosen) {
      try {
        Object.assign(files, unzipSync(bytes, { filter: (f) => f.name === file.name }));
      } catch (inner) {
        problems.push(`${file.name}: ${describe(inner)}`);
      }
    }
  }
  return { ok: true, entries: Object.entries(files).map(([name, data]) => ({ name, data })), problems };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * ref. APPNOTE 4.3.16: the end of central directory record (signature 0x06054b50, within the last
 * 64 KiB + 22 bytes) gives the central directory's size and offset, which must lie before it.
 * fflate trusts them and would list phantom entries from a record that points past the end.
 * Zip64 archives (offset 0xffffffff) keep the real values elsewhere and are left to fflate.
 */
function centralDirectoryFits(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    return offset === 0xffffffff || offset + size <= at;
  }
  return false;
}
