import { SHT_NOBITS, isElf, readElf } from './elf.js';
import type { ElfFile, ElfReadResult } from './elf.js';
import { fieldReader, fileOffset, isOutOfBounds } from './layout.js';
import type { LayoutResult, Segment } from './layout.js';
import { isMachO, isUniversal, readMachO } from './macho.js';
import { isPe, readPe } from './pe.js';

/**
 * Go build information, as the linker writes it. ref. Go's debug/buildinfo (reader) and
 * cmd/link/internal/ld `buildinfo` (writer): a 32-byte header in the `.go.buildinfo` section
 * (ELF; `__go_buildinfo` on Mach-O; start of `.data` on PE), 16-byte aligned:
 *
 *   [0:14]  "\xff Go buildinf:"
 *   [14]    pointer size (4 or 8)
 *   [15]    flags: bit 0 big-endian pointers, bit 1 (value 2) strings inline (Go ≥ 1.18)
 *
 * Inline: after the header, the Go version and the module info, each a uvarint length then bytes.
 * Before Go 1.18: at [16] and [16+ptrSize], addresses of the Go string headers (pointer, length)
 * of runtime.buildVersion and runtime.modinfo, which must be mapped back to file offsets.
 * The module info is framed by two 16-byte sentinels, the first ending in a newline before them.
 */
export type BuildInfoResult =
  /** Not an executable, or an executable without Go build information (C, Rust, a Go toolchain older than build information). */
  | { kind: 'none' }
  | { kind: 'found'; goVersion: string; modinfo: string }
  | { kind: 'error'; message: string };

const MAGIC = Uint8Array.from([0xff, 0x20, 0x47, 0x6f, 0x20, 0x62, 0x75, 0x69, 0x6c, 0x64, 0x69, 0x6e, 0x66, 0x3a]);
const HEADER_SIZE = 32;
const FLAG_BIG_ENDIAN = 1;
const FLAG_INLINE = 2;
/** Far beyond any real module list (kubelet's is ~20 KiB); a larger length means a corrupt header. */
const MAX_STRING = 16 * 1024 * 1024;

/** ELF, Mach-O (thin, either byte order, and universal) or PE, by the first bytes. */
export function isExecutable(bytes: Uint8Array): boolean {
  return isElf(bytes) || isPe(bytes) || isMachO(bytes) || isUniversal(bytes);
}

export function findBuildInfo(bytes: Uint8Array): BuildInfoResult {
  if (!isExecutable(bytes)) return { kind: 'none' };
  const elf = isElf(bytes) ? readElf(bytes) : undefined;
  const at = headerOffset(bytes, elf?.ok === true ? elf.elf : undefined);
  if (at === undefined) return { kind: 'none' };
  const ptrSize = bytes[at + 14] ?? 0;
  const flags = bytes[at + 15] ?? 0;
  try {
    if ((flags & FLAG_INLINE) !== 0) return inline(bytes, at + HEADER_SIZE);
    const layout = layoutOf(bytes, elf);
    if (layout === undefined) return { kind: 'error', message: 'Go < 1.18 binary: build info format not supported in universal (fat) Mach-O files' };
    if (!layout.ok) return { kind: 'error', message: `Go < 1.18 binary: ${layout.message}` };
    return pointers(bytes, layout.segments, at, ptrSize, (flags & FLAG_BIG_ENDIAN) === 0);
  } catch (error) {
    if (isOutOfBounds(error)) return { kind: 'error', message: 'Go build info points outside the file (truncated binary?)' };
    throw error;
  }
}

/** The address map Go < 1.18 pointers need. */
function layoutOf(bytes: Uint8Array, elf: ElfReadResult | undefined): LayoutResult | undefined {
  if (elf !== undefined) return elf.ok ? { ok: true, segments: elf.elf.segments } : elf;
  if (isPe(bytes)) return readPe(bytes);
  if (isMachO(bytes)) return readMachO(bytes);
  return undefined;
}

/**
 * Where the header is: the start of ELF's `.go.buildinfo` when there is one, else the first
 * 16-byte-aligned occurrence of the magic followed by a plausible header. The alignment and the
 * header check keep the magic string that debug/buildinfo itself carries in read-only data
 * (binaries such as scanners link it) from being taken for the header.
 */
function headerOffset(bytes: Uint8Array, elf: ElfFile | undefined): number | undefined {
  const section = elf?.sections.find((s) => s.name === '.go.buildinfo' && s.type !== SHT_NOBITS);
  if (section !== undefined && isHeader(bytes, section.offset)) return section.offset;
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = haystack.indexOf(MAGIC); at >= 0; at = haystack.indexOf(MAGIC, at + 1)) {
    if (at % 16 === 0 && isHeader(bytes, at)) return at;
  }
  return undefined;
}

function isHeader(bytes: Uint8Array, at: number): boolean {
  if (at < 0 || at + HEADER_SIZE > bytes.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[at + i] !== MAGIC[i]) return false;
  const ptrSize = bytes[at + 14];
  const flags = bytes[at + 15] ?? 0xff;
  if ((ptrSize !== 4 && ptrSize !== 8) || flags > 3) return false;
  // The inline header is zero-padded to 32 bytes.
  if ((flags & FLAG_INLINE) !== 0) for (let i = 16; i < HEADER_SIZE; i++) if (bytes[at + i] !== 0) return false;
  return true;
}

function inline(bytes: Uint8Array, start: number): BuildInfoResult {
  const version = varintString(bytes, start);
  if (version === undefined) return { kind: 'error', message: 'Go build info is truncated (Go version)' };
  const modinfo = varintString(bytes, version.end);
  if (modinfo === undefined) return { kind: 'error', message: 'Go build info is truncated (module info)' };
  return { kind: 'found', goVersion: latin1(version.bytes), modinfo: unframe(modinfo.bytes) };
}

/** A uvarint-length-prefixed string (ref. encoding/binary Uvarint: 7 bits a byte, low first). */
function varintString(bytes: Uint8Array, start: number): { bytes: Uint8Array; end: number } | undefined {
  let length = 0;
  let shift = 0;
  let at = start;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined || shift > 28) return undefined;
    length += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) break;
  }
  if (length > MAX_STRING || at + length > bytes.length) return undefined;
  return { bytes: bytes.subarray(at, at + length), end: at + length };
}

function pointers(bytes: Uint8Array, segments: readonly Segment[], at: number, ptrSize: number, littleEndian: boolean): BuildInfoResult {
  const read = fieldReader(bytes, littleEndian);
  const pointer = (offset: number): number => (ptrSize === 8 ? read.u64(offset) : read.u32(offset));
  const goString = (addr: number): Uint8Array | undefined => {
    const header = fileOffset(segments, addr);
    if (header === undefined) return undefined;
    const data = pointer(header);
    const length = pointer(header + ptrSize);
    if (length === 0) return new Uint8Array();
    const offset = fileOffset(segments, data);
    if (offset === undefined || length > MAX_STRING || offset + length > bytes.length) return undefined;
    return bytes.subarray(offset, offset + length);
  };
  const version = goString(pointer(at + 16));
  const modinfo = goString(pointer(at + 16 + ptrSize));
  if (version === undefined || modinfo === undefined) return { kind: 'error', message: 'Go < 1.18 binary: build info points outside the loaded segments' };
  return { kind: 'found', goVersion: latin1(version), modinfo: unframe(modinfo) };
}

/** Drops the sentinels around the module info; anything else is no module info (ref. debug/buildinfo). */
function unframe(modinfo: Uint8Array): string {
  if (modinfo.length < 33 || modinfo[modinfo.length - 17] !== 0x0a) return '';
  return new TextDecoder('utf-8').decode(modinfo.subarray(16, modinfo.length - 16));
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}
