import { fieldReader, guarded } from './layout.js';
import type { LayoutResult, Segment } from './layout.js';

/**
 * Mach-O segments. ref. Apple <mach-o/loader.h>: `mach_header` (28 bytes) or `mach_header_64`
 * (32 bytes), `ncmds` load commands after it, each `cmd, cmdsize`; LC_SEGMENT (0x1) and
 * LC_SEGMENT_64 (0x19) give vmaddr and fileoff/filesize. The magic, read big-endian, gives the
 * width and the byte order. Universal (fat) files hold several of these and are not mapped here.
 */
const LC_SEGMENT = 0x1;
const LC_SEGMENT_64 = 0x19;

export function isMachO(bytes: Uint8Array): boolean {
  const magic = magicOf(bytes);
  return magic === 0xfeedface || magic === 0xfeedfacf || magic === 0xcefaedfe || magic === 0xcffaedfe;
}

export function isUniversal(bytes: Uint8Array): boolean {
  return magicOf(bytes) === 0xcafebabe;
}

export function readMachO(bytes: Uint8Array): LayoutResult {
  const magic = magicOf(bytes);
  const littleEndian = magic === 0xcefaedfe || magic === 0xcffaedfe;
  const bits = magic === 0xfeedfacf || magic === 0xcffaedfe ? 64 : 32;
  const read = fieldReader(bytes, littleEndian);
  return guarded('Mach-O', () => {
    const ncmds = read.u32(16);
    const segments: Segment[] = [];
    let at = bits === 64 ? 32 : 28;
    for (let i = 0; i < ncmds; i++) {
      const cmd = read.u32(at);
      const size = read.u32(at + 4);
      if (cmd === LC_SEGMENT_64) segments.push({ vaddr: read.u64(at + 24), offset: read.u64(at + 40), filesz: read.u64(at + 48) });
      else if (cmd === LC_SEGMENT) segments.push({ vaddr: read.u32(at + 24), offset: read.u32(at + 32), filesz: read.u32(at + 36) });
      if (size < 8) break; // a zero-sized command would loop forever
      at += size;
    }
    return segments;
  });
}

function magicOf(bytes: Uint8Array): number {
  if (bytes.length < 4) return 0;
  return (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0;
}
