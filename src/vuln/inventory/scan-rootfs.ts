import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { detectOs } from '../os/index.js';
import type { OsInfo } from '../os/index.js';
import type { AnalyzerError, FileAnalyzer, FileFacts, FileReader, Package } from './types.js';

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
  for (const file of found) {
    const wanting = analyzers.filter((a) => a.matches(file.path, file));
    if (wanting.length === 0) continue;
    if (file.size > maxFileSize) {
      errors.push({ path: file.path, message: `file is ${file.size} bytes, over the ${maxFileSize}-byte limit; not analyzed` });
      continue;
    }
    const bytes = await files.readBytes(file.path);
    if (bytes === undefined) {
      errors.push({ path: file.path, message: 'file could not be read' });
      continue;
    }
    const text = wanting.some((a) => a.input !== 'bytes') ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : '';
    for (const analyzer of wanting) {
      try {
        const input = analyzer.input === 'bytes' ? { path: file.path, content: '', bytes, files } : { path: file.path, content: text, files };
        const out = await analyzer.analyze(input);
        packages.push(...out.packages);
        errors.push(...out.errors);
      } catch (error) {
        errors.push({ path: file.path, message: `analyzer ${analyzer.id} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
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
    const dir = stack.pop() ?? '';
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch (error) {
      options.errors.push({ path: dir === '' ? '.' : dir, message: `cannot read directory: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    // Name order, files before subfolders, so a walk cut short by maxFiles is reproducible.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (options.skipNames.has(entry.name) || (dir === '' && options.skipTopLevel.has(entry.name))) continue;
        subdirs.push(path);
      } else if (entry.isFile()) {
        if (out.length >= options.maxFiles) {
          options.errors.push({ path: '.', message: `stopped after ${options.maxFiles} files; the rest of the tree was not analyzed` });
          return out.sort(byPath);
        }
        try {
          const info = await lstat(join(root, path));
          out.push({ path, size: info.size, executable: (info.mode & 0o111) !== 0 });
        } catch {
          continue;
        }
      }
    }
    stack.push(...subdirs.reverse());
  }
  return out.sort(byPath);
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
