import type { FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import { BosunError } from '../../kernel/index.js';

/** Where one member's bytes sit in the archive, or the link it is. */
export type TarMember = { type: 'file'; offset: number; size: number } | { type: 'hardlink' | 'symlink'; target: string };

export interface TarIndex {
  /** Root-relative names (no `./`), as normalized by normalizeMemberName. */
  members: ReadonlyMap<string, TarMember>;
}

const BLOCK = 512;
/** An image archive holds a handful of files per layer; far more means this is not one. */
const MAX_MEMBERS = 1_000_000;
/** pax and GNU long-name records are a path or two, never megabytes. */
const MAX_LONG_HEADER = 1024 * 1024;

/**
 * One pass over the headers of a tar on disk, seeking over member data, so blobs can later be read
 * in place (tar-stream only streams, and gives no offsets). Handles ustar prefixes, GNU long names
 * (`L`/`K`) and pax `path`/`linkpath`/`size` records. ref. POSIX.1-2017 pax "ustar Interchange
 * Format" and GNU tar manual "Basic Tar Format".
 */
export async function indexTar(handle: FileHandle, archive: string): Promise<TarIndex> {
  const members = new Map<string, TarMember>();
  const { size: fileSize } = await handle.stat();
  const header = Buffer.alloc(BLOCK);
  let position = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Map<string, string> | undefined;
  while (position + BLOCK <= fileSize) {
    const { bytesRead } = await handle.read(header, 0, BLOCK, position);
    if (bytesRead < BLOCK) break;
    if (header.every((byte) => byte === 0)) break; // end-of-archive marker
    if (!checksumMatches(header)) throw notAnArchive(archive, `invalid tar header at byte ${position}`);
    const size = Number(pax?.get('size') ?? parseNumber(header.subarray(124, 136)));
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = position + BLOCK;
    if (dataStart + size > fileSize) throw notAnArchive(archive, `truncated: member at byte ${position} runs past the end of the file`);
    position = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L' || type === 'K' || type === 'x') {
      if (size > MAX_LONG_HEADER) throw notAnArchive(archive, 'oversized long-name header');
      const body = Buffer.alloc(size);
      await handle.read(body, 0, size, dataStart);
      if (type === 'L') longName = cString(body);
      else if (type === 'K') longLink = cString(body);
      else pax = parsePax(body);
      continue;
    }
    if (type === 'g') continue; // global pax header: nothing an image archive needs
    const name = normalizeMemberName(pax?.get('path') ?? longName ?? ustarName(header));
    const linkname = pax?.get('linkpath') ?? longLink ?? cString(header.subarray(157, 257));
    longName = longLink = pax = undefined;
    if (name === undefined) continue;
    if (members.size >= MAX_MEMBERS) throw notAnArchive(archive, `more than ${MAX_MEMBERS} members`);
    if (type === '0' || type === '\u0000' || type === '7') members.set(name, { type: 'file', offset: dataStart, size });
    else if (type === '1') members.set(name, { type: 'hardlink', target: linkname });
    else if (type === '2') members.set(name, { type: 'symlink', target: linkname });
  }
  return { members };
}

/**
 * The file member a name leads to, following hard links (named from the archive root) and symlinks
 * (relative to their folder; `docker save` links duplicate layers this way), never leaving the archive.
 */
export function resolveMember(index: TarIndex, name: string): { type: 'file'; offset: number; size: number } | undefined {
  let current = normalizeMemberName(name);
  for (let hops = 0; current !== undefined && hops < 40; hops++) {
    const member = index.members.get(current);
    if (member === undefined) return undefined;
    if (member.type === 'file') return member;
    current = member.type === 'hardlink' ? normalizeMemberName(member.target) : normalizeMemberName(member.target.startsWith('/') ? member.target : posix.join(posix.dirname(current), member.target));
  }
  return undefined;
}

/** `./a//b` → `a/b`; undefined for the root and for names that climb out of it. */
export function normalizeMemberName(name: string): string | undefined {
  const normalized = posix.normalize(`/${name}`).slice(1).replace(/\/$/, '');
  if (normalized === '' || name.includes('\u0000') || name.split('/').includes('..')) return undefined;
  return normalized;
}

function ustarName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? cString(header.subarray(345, 500)) : '';
  return prefix === '' ? name : `${prefix}/${name}`;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

/** Octal, or base-256 when the high bit of the first byte is set (GNU, for sizes over 8 GiB). */
function parseNumber(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = cString(field).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumMatches(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return parseNumber(header.subarray(148, 156)) === sum;
}

/** pax records: `<length> <key>=<value>\n`. */
function parsePax(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space < 0) break;
    const length = parseInt(body.subarray(offset, space).toString('latin1'), 10);
    if (!(length > 0)) break;
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}

function notAnArchive(archive: string, why: string): BosunError {
  return new BosunError('input.read', `not a readable tar archive: ${why}`, { file: archive });
}
