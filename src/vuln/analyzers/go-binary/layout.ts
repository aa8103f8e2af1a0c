/**
 * How an executable lays its contents out in memory: enough to turn a virtual address (what Go
 * < 1.18 build info stores) back into a file offset. Each format reader (elf.ts, macho.ts, pe.ts)
 * produces segments; nothing else of the formats is needed.
 */
export interface Segment {
  vaddr: number;
  offset: number;
  /** Bytes present in the file; the rest of the segment in memory (bss) has no file bytes. */
  filesz: number;
}

export type LayoutResult = { ok: true; segments: Segment[] } | { ok: false; message: string };

/** File offset of the byte at virtual address `addr`, or undefined when no segment holds it in the file. */
export function fileOffset(segments: readonly Segment[], addr: number): number | undefined {
  for (const s of segments) {
    if (addr >= s.vaddr && addr < s.vaddr + s.filesz) return s.offset + (addr - s.vaddr);
  }
  return undefined;
}

export interface FieldReader {
  u16(at: number): number;
  u32(at: number): number;
  /** Exact below 2^53, which every offset and address in a file held in memory is. */
  u64(at: number): number;
}

/** Thrown by FieldReader when a table points outside the file; readers turn it into a result. */
class OutOfBounds extends Error {}

export function isOutOfBounds(error: unknown): boolean {
  return error instanceof OutOfBounds;
}

/** Fixed-width unsigned reads in one byte order; a read past the end throws OutOfBounds. */
export function fieldReader(bytes: Uint8Array, littleEndian: boolean): FieldReader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = (at: number, width: number): void => {
    if (!Number.isSafeInteger(at) || at < 0 || at + width > bytes.length) throw new OutOfBounds();
  };
  return {
    u16(at) {
      check(at, 2);
      return view.getUint16(at, littleEndian);
    },
    u32(at) {
      check(at, 4);
      return view.getUint32(at, littleEndian);
    },
    u64(at) {
      check(at, 8);
      const value = view.getBigUint64(at, littleEndian);
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new OutOfBounds();
      return Number(value);
    },
  };
}

/** Runs a table reader, turning a read past the end into a result naming the format. */
export function guarded(format: string, read: () => Segment[]): LayoutResult {
  try {
    return { ok: true, segments: read() };
  } catch (error) {
    if (isOutOfBounds(error)) return { ok: false, message: `${format} headers point outside the file (truncated binary?)` };
    throw error;
  }
}
