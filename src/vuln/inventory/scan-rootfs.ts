import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { detectOs } from '../os/index.js';
import type { OsInfo } from '../os/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, FileFacts, FileReader, Package } from './types.js';

/** What is installed or locked under one directory. The documented JSON of `bosun sbom rootfs|fs`. */
export interface RootfsInventory {
  /** The distribution, or null when nothing identifies one (a project folder). */
  os: OsInfo | null;
  packages: Package[];
  /** Files that could not be analyzed (fully or at all), and limits that cut the walk short. */
  errors: AnalyzerError[];
}

export interface ScanRootfsOptions {
  /** The directory to scan; every path reported is relative to it. */
  root: string;
  /** Analyzers each file is offered to (the CLI passes the registry). */
  analyzers: Iterable<FileAnalyzer>;
  /** Top-level directories not walked: virtual filesystems of a live system. @default ['proc', 'sys', 'dev'] */
  skipTopLevel?: readonly string[];
  /** Directory names not walked at any depth. @default ['.git'] */
  skipNames?: readonly string[];
  /** Files visited before the walk stops (reported as an error). @default 2_000_000 */
  maxFiles?: number;
  /** Largest file handed to an analyzer; larger matches are reported, not read. @default 256 MiB */
  maxFileSize?: number;
}

/** The rootfs reader always gives bytes too (rpmdb.sqlite and other binary databases). */
export interface RootedReader extends FileReader {
  readBytes(path: string): Promise<Uint8Array | undefined>;
}

const MAX_SYMLINK_HOPS = 40;
/** Files read at once: enough to overlap I/O, few enough to bound memory (each at most maxFileSize). */
const READ_CONCURRENCY = 8;

/** `fn` over `items` with at most `limit` calls in flight; results in input order. */
async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Inventories a directory: walks it without following symlinks, offers every regular file's
 * root-relative path to each analyzer, and runs the ones that match with a reader confined to the
 * root. Symlinks met while reading (etc/os-release → ../usr/lib/os-release, or an absolute target)
 * resolve inside the root, as they would in a container, never on the host.
 */
export async function scanRootfs(options: ScanRootfsOptions): Promise<RootfsInventory> {
  const root = await realpath(options.root);
  const maxFileSize = options.maxFileSize ?? 256 * 1024 * 1024;
  const files = rootedReader(root, maxFileSize);
  const analyzers = [...options.analyzers];
  const errors: AnalyzerError[] = [];
  const packages: Package[] = [];
  const found = await walk(root, {
    skipTopLevel: new Set(options.skipTopLevel ?? ['proc', 'sys', 'dev']),
    skipNames: new Set(options.skipNames ?? ['.git']),
    maxFiles: options.maxFiles ?? 2_000_000,
    errors,
  });
  // Files are read and analysed a few at a time (the walk is I/O-bound on large trees), and the
  // outputs are appended in path order, so the inventory does not depend on timing.
  const outputs = await mapInOrder(found, READ_CONCURRENCY, async (file): Promise<AnalyzerOutput> => {
    const wanting = analyzers.filter((a) => a.matches(file.path, file));
    if (wanting.length === 0) return { packages: [], errors: [] };
    if (file.size > maxFileSize) return { packages: [], errors: [{ path: file.path, message: `file is ${file.size} bytes, over the ${maxFileSize}-byte limit; not analyzed` }] };
    const bytes = await files.readBytes(file.path);
    if (bytes === undefined) return { packages: [], errors: [{ path: file.path, message: 'file could not be read' }] };
    const text = wanting.some((a) => a.input !== 'bytes') ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : '';
    const result: AnalyzerOutput = { packages: [], errors: [] };
    for (const analyzer of wanting) {
      try {
        const input = analyzer.input === 'bytes' ? { path: file.path, content: '', bytes, files } : { path: file.path, content: text, files };
        const out = await analyzer.analyze(input);
        result.packages.push(...out.packages);
        result.errors.push(...out.errors);
      } catch (error) {
        result.errors.push({ path: file.path, message: `analyzer ${analyzer.id} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    return result;
  });
  for (const out of outputs) {
    packages.push(...out.packages);
    errors.push(...out.errors);
  }
  const os = (await detectOs(files)) ?? null;
  return { os, packages, errors };
}

interface WalkOptions {
  skipTopLevel: ReadonlySet<string>;
  skipNames: ReadonlySet<string>;
  maxFiles: number;
  errors: AnalyzerError[];
}

interface WalkedFile extends FileFacts {
  path: string;
}

/** Regular files under root, sorted, `/`-separated and root-relative. Symlinks are not followed. */
async function walk(root: string, options: WalkOptions): Promise<WalkedFile[]> {
  const out: WalkedFile[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    // A few directories are listed at once (I/O overlaps in the thread pool); their results are
    // taken in a fixed order, so a walk cut short by maxFiles is still reproducible.
    const batch = stack.splice(-READ_CONCURRENCY).reverse();
    const listed = await Promise.all(batch.map(async (dir) => ({ dir, listing: await listDirectory(root, dir) })));
    const subdirs: string[] = [];
    for (const { dir, listing } of listed) {
      if ('error' in listing) {
        options.errors.push({ path: dir === '' ? '.' : dir, message: `cannot read directory: ${listing.error}` });
        continue;
      }
      for (const entry of listing.entries) {
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.kind === 'dir') {
          if (options.skipNames.has(entry.name) || (dir === '' && options.skipTopLevel.has(entry.name))) continue;
          subdirs.push(path);
        } else {
          if (out.length >= options.maxFiles) {
            options.errors.push({ path: '.', message: `stopped after ${options.maxFiles} files; the rest of the tree was not analyzed` });
            return out.sort(byPath);
          }
          out.push({ path, size: entry.size, executable: entry.executable });
        }
      }
    }
    stack.push(...subdirs.reverse());
  }
  return out.sort(byPath);
}

type ListedEntry = { name: string; kind: 'dir' } | { name: string; kind: 'file'; size: number; executable: boolean };
type Listing = { entries: ListedEntry[] } | { error: string };

/** A directory's subfolders and regular files (symlinks and special files left out), in name order. */
async function listDirectory(root: string, dir: string): Promise<Listing> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(root, dir), { withFileTypes: true });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const listed = await Promise.all(
    entries.map(async (entry): Promise<ListedEntry | undefined> => {
      if (entry.isDirectory()) return { name: entry.name, kind: 'dir' };
      if (!entry.isFile()) return undefined;
      const info = await lstat(join(root, dir, entry.name)).catch(() => undefined);
      return info === undefined ? undefined : { name: entry.name, kind: 'file', size: info.size, executable: (info.mode & 0o111) !== 0 };
    }),
  );
  return { entries: listed.filter((e) => e !== undefined) };
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** A reader confined to root: paths must be relative and stay inside; symlinks resolve against root. */
export function rootedReader(root: string, maxFileSize: number): RootedReader {
  const read = async (path: string): Promise<Buffer | undefined> => {
    const resolved = await resolveInRoot(root, path);
    if (resolved === undefined) return undefined;
    try {
      const info = await stat(resolved);
      if (!info.isFile() || info.size > maxFileSize) return undefined;
      return await readFile(resolved);
    } catch {
      return undefined;
    }
  };
  return {
    async readText(path) {
      return (await read(path))?.toString('utf8');
    },
    async readBytes(path) {
      const buffer = await read(path);
      return buffer === undefined ? undefined : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}

/**
 * The real path of a root-relative path, resolving each symlink as a chroot would: absolute targets
 * restart at root, `..` stops at root. Undefined for absolute or escaping inputs and missing files.
 */
export async function resolveInRoot(root: string, path: string): Promise<string | undefined> {
  if (path.includes('\u0000') || posix.isAbsolute(path)) return undefined;
  const normalized = posix.normalize(path);
  if (normalized === '..' || normalized.startsWith('../')) return undefined;
  // Fast path: a path with no symlink on the way is its own real path (one realpath call instead
  // of an lstat per component, which dominated scans of large node_modules trees).
  const direct = join(root, normalized);
  const real = await realpath(direct).catch(() => undefined);
  if (real === undefined) return undefined;
  if (real === direct) return direct;
  let pending = normalized.split('/').filter((p) => p !== '' && p !== '.');
  const resolved: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const [part, ...rest] = pending;
    pending = rest;
    if (part === undefined) break;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    const candidate = join(root, ...resolved, part);
    let isLink: boolean;
    try {
      isLink = (await lstat(candidate)).isSymbolicLink();
    } catch {
      return undefined;
    }
    if (!isLink) {
      resolved.push(part);
      continue;
    }
    if (++hops > MAX_SYMLINK_HOPS) return undefined;
    const target = await readlink(candidate).catch(() => undefined);
    if (target === undefined) return undefined;
    if (target.startsWith('/')) resolved.length = 0;
    pending = [...target.split('/').filter((p) => p !== '' && p !== '.'), ...pending];
  }
  return join(root, ...resolved);
}
