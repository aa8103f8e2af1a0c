import { fieldReader, isOutOfBounds } from './layout.js';
import type { Segment } from './layout.js';

/**
 * Just enough ELF to find Go's build information: sections by name, and the loadable segments
 * that map virtual addresses to file offsets. ref. System V ABI, "ELF Header", "Section Header",
 * "Program Header" (generic ABI, 32- and 64-bit classes, either byte order).
 */
export interface ElfFile {
  sections: ElfSection[];
  /** PT_LOAD segments first (what the loader maps), then sections with an address, for files without program headers. */
  segments: Segment[];
}

export interface ElfSection {
  name: string;
  /** sh_type; SHT_NOBITS (8) sections occupy no file bytes. */
  type: number;
  addr: number;
  offset: number;
  size: number;
}

const PT_LOAD = 1;
export const SHT_NOBITS = 8;

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

export type ElfReadResult = { ok: true; elf: ElfFile } | { ok: false; message: string };

export function readElf(bytes: Uint8Array): ElfReadResult {
  const cls = bytes[4];
  const data = bytes[5];
  if (!isElf(bytes) || (cls !== 1 && cls !== 2) || (data !== 1 && data !== 2)) return { ok: false, message: 'not a valid ELF header' };
  const bits = cls === 1 ? 32 : 64;
  const read = fieldReader(bytes, data === 1);
  try {
    const word = (at: number): number => (bits === 64 ? read.u64(at) : read.u32(at));
    // ELF header field offsets differ between the classes only by the width of e_entry/e_phoff/e_shoff.
    const phoff = word(bits === 64 ? 0x20 : 0x1c);
    const shoff = word(bits === 64 ? 0x28 : 0x20);
    const base = bits === 64 ? 0x36 : 0x2a;
    const phentsize = read.u16(base);
    const phnum = read.u16(base + 2);
    const shentsize = read.u16(base + 4);
    const shnum = read.u16(base + 6);
    const shstrndx = read.u16(base + 8);

    const segments: Segment[] = [];
    for (let i = 0; phoff !== 0 && i < phnum; i++) {
      const at = phoff + i * phentsize;
      if (read.u32(at) !== PT_LOAD) continue;
      if (bits === 64) segments.push({ offset: read.u64(at + 8), vaddr: read.u64(at + 0x10), filesz: read.u64(at + 0x20) });
      else segments.push({ offset: read.u32(at + 4), vaddr: read.u32(at + 8), filesz: read.u32(at + 0x10) });
    }

    const raw: Array<Omit<ElfSection, 'name'> & { nameOffset: number }> = [];
    for (let i = 0; shoff !== 0 && i < shnum; i++) {
      const at = shoff + i * shentsize;
      raw.push({
        nameOffset: read.u32(at),
        type: read.u32(at + 4),
        addr: word(at + (bits === 64 ? 0x10 : 0x0c)),
        offset: word(at + (bits === 64 ? 0x18 : 0x10)),
        size: word(at + (bits === 64 ? 0x20 : 0x14)),
      });
    }
    const names = raw[shstrndx];
    const sections = raw.map(({ nameOffset, ...section }) => ({
      ...section,
      name: names === undefined ? '' : cString(bytes, names.offset + nameOffset, names.offset + names.size),
    }));
    for (const s of sections) if (s.type !== SHT_NOBITS && s.addr !== 0) segments.push({ vaddr: s.addr, offset: s.offset, filesz: s.size });
    return { ok: true, elf: { sections, segments } };
  } catch (error) {
    if (isOutOfBounds(error)) return { ok: false, message: 'ELF headers point outside the file (truncated binary?)' };
    throw error;
  }
}

function cString(bytes: Uint8Array, start: number, limit: number): string {
  let end = start;
  const stop = Math.min(limit, bytes.length);
  while (end < stop && bytes[end] !== 0) end++;
  return start < stop ? new TextDecoder('latin1').decode(bytes.subarray(start, end)) : '';
}
