import { fieldReader, guarded } from './layout.js';
import type { LayoutResult, Segment } from './layout.js';

/**
 * PE/COFF sections. ref. Microsoft "PE Format": `e_lfanew` at 0x3c points at "PE\0\0"; the COFF
 * file header follows (NumberOfSections at +2, SizeOfOptionalHeader at +16); the optional header
 * gives ImageBase (PE32 magic 0x10b: 4 bytes at 28; PE32+ magic 0x20b: 8 bytes at 24); then the
 * 40-byte section headers (VirtualSize, VirtualAddress, SizeOfRawData, PointerToRawData at 8..20).
 * Go stores absolute addresses, ImageBase + VirtualAddress. Always little-endian.
 */
export function isPe(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x4d && bytes[1] === 0x5a; // "MZ"
}

export function readPe(bytes: Uint8Array): LayoutResult {
  const read = fieldReader(bytes, true);
  return guarded('PE', () => {
    const pe = read.u32(0x3c);
    if (read.u32(pe) !== 0x00004550) return [];
    const coff = pe + 4;
    const count = read.u16(coff + 2);
    const optional = coff + 20;
    const magic = read.u16(optional);
    const imageBase = magic === 0x20b ? read.u64(optional + 24) : read.u32(optional + 28);
    const table = optional + read.u16(coff + 16);
    const segments: Segment[] = [];
    for (let i = 0; i < count; i++) {
      const at = table + i * 40;
      const virtualSize = read.u32(at + 8);
      const rawSize = read.u32(at + 16);
      // Raw data is padded to FileAlignment; past VirtualSize it is not part of the image.
      const filesz = virtualSize === 0 ? rawSize : Math.min(virtualSize, rawSize);
      segments.push({ vaddr: imageBase + read.u32(at + 12), offset: read.u32(at + 20), filesz });
    }
    return segments;
  });
}
