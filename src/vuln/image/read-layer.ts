import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import type { Extract } from 'tar-stream';
import { BosunError } from '../../kernel/index.js';
import type { FileAnalyzer, FileReader } from '../inventory/index.js';
import { openTarBytes } from './decompress.js';
import { hostileEntry, normalizeEntryName } from './entry-name.js';
import type { FileSelector } from './file-selector.js';
import type { LayerLimits } from './limits.js';
import { renameAnalyzed } from './selection.js';
import type { AnalyzedFile, FileEntry, LayerEntry, LayerSelection } from './selection.js';

export interface ReadLayerOptions {
  digest: string;
  mediaType: string;
  /** Opens the blob; called again only when a hard link needs a file the first pass did not keep. */
  open: () => Promise<Readable>;
  select: FileSelector;
  limits: LayerLimits;
  /** Running total of stored bytes read, for progress. */
  onBlobBytes?: (total: number) => void;
}

/**
 * ref. OCI image-spec v1.1 "Image Layer Filesystem Changeset", Whiteouts: `.wh.<name>` deletes
 * `<name>` from lower layers, `.wh..wh..opq` makes its directory opaque; other `.wh..wh.` names
 * are reserved (aufs bookkeeping such as `.wh..wh.plnk`) and carry no file.
 */
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
const RESERVED = '.wh..wh.';

/** Bytes analyzers "need no other file" (FileAnalyzer.input); they get a reader that has none. */
const NO_FILES: FileReader = {
  async readText() {
    return undefined;
  },
};

/**
 * Streams one layer once and returns its selection: every entry's path and kind, the bytes of the
 * files analyzers asked for, and the outputs of bytes analyzers. Nothing is written to disk; at most
 * one file not kept is in memory at a time.
 */
export async function readLayer(options: ReadLayerOptions): Promise<LayerSelection> {
  const entries: LayerEntry[] = [];
  const files = new Map<string, FileEntry>();
  const deferred = new Map<string, DeferredLink[]>();
  await streamEntries(options, async (entry, path) => {
    const header = entry.header;
    switch (header.type) {
      case 'directory':
        await drain(entry);
        if (path !== '') entries.push({ type: 'dir', path });
        return;
      case 'symlink':
        await drain(entry);
        entries.push({ type: 'symlink', path: requireName(path, header.name, options.digest), target: header.linkname ?? '' });
        return;
      case 'link': {
        await drain(entry);
        const linked = hardLink(requireName(path, header.name, options.digest), header.linkname ?? '', files, options);
        entries.push(linked.entry);
        if (linked.entry.type === 'file') files.set(linked.entry.path, linked.entry);
        if (linked.deferred !== undefined) deferred.set(linked.deferred.target, [...(deferred.get(linked.deferred.target) ?? []), linked.deferred]);
        return;
      }
      // ref. POSIX pax "typeflag": an unrecognized typeflag is read as a regular file.
      case 'file':
      case 'contiguous-file':
      case null:
      case undefined: {
        const file = await regularFile(entry, requireName(path, header.name, options.digest), options);
        entries.push(file);
        if (file.type === 'file') files.set(file.path, file);
        return;
      }
      default:
        // Devices and fifos: an unpacked root has them, analyzers never read them.
        await drain(entry);
        if (path !== '') entries.push({ type: 'other', path });
    }
  });
  if (deferred.size > 0) await resolveDeferredLinks(options, deferred);
  return { digest: options.digest, entries };
}

/** tar-stream does not export its entry type; it is what an Extract iterates. */
type TarEntry = Extract extends AsyncIterable<infer E> ? E : never;

/** Runs `onEntry` for each entry with its normalized name, mapping every failure to a BosunError naming the layer. */
async function streamEntries(options: ReadLayerOptions, onEntry: (entry: TarEntry, path: string) => Promise<void>): Promise<void> {
  let blob: Readable;
  try {
    blob = await options.open();
  } catch (error) {
    throw layerError(options.digest, error);
  }
  const extract = tar.extract();
  let bytes: Readable | undefined;
  try {
    bytes = await openTarBytes({ digest: options.digest, mediaType: options.mediaType, blob, limits: options.limits, ...(options.onBlobBytes !== undefined ? { onBlobBytes: options.onBlobBytes } : {}) });
    bytes.on('error', (error: unknown) => extract.destroy(error instanceof Error ? error : new Error(String(error))));
    bytes.pipe(extract);
    let count = 0;
    for await (const entry of extract) {
      if (++count > options.limits.maxEntries) {
        throw new BosunError('input.too-large', `layer ${options.digest}: more than ${options.limits.maxEntries} entries (limit maxEntries)`);
      }
      await onEntry(entry, normalizeEntryName(entry.header.name, options.digest));
    }
  } catch (error) {
    throw layerError(options.digest, error);
  } finally {
    extract.destroy();
    bytes?.destroy();
    blob.destroy();
  }
}

/** A file or link entry must name something below the root. */
function requireName(path: string, name: string, digest: string): string {
  if (path === '') throw hostileEntry(digest, name, 'names the root directory as a file');
  return path;
}

async function regularFile(entry: TarEntry, path: string, options: ReadLayerOptions): Promise<LayerEntry> {
  const size = entry.header.size ?? 0;
  const executable = ((entry.header.mode ?? 0) & 0o111) !== 0;
  const name = basename(path);
  if (name.startsWith(WHITEOUT)) {
    await drain(entry);
    return whiteoutEntry(path, name, entry.header.name, options.digest);
  }
  const plan = options.select(path, { size, executable });
  const file: FileEntry = { type: 'file', path, size, executable };
  if (!plan.keep && plan.bytesAnalyzers.length === 0) {
    await drain(entry);
    return file;
  }
  if (size > options.limits.maxFileSize) {
    await drain(entry);
    return { ...file, tooLarge: true };
  }
  const content = await readAll(entry);
  if (plan.bytesAnalyzers.length > 0) file.analyzed = await analyzeBytes(plan.bytesAnalyzers, path, content);
  if (plan.keep) file.content = content;
  return file;
}

function whiteoutEntry(path: string, name: string, entryName: string, digest: string): LayerEntry {
  const dir = dirname(path);
  if (name === OPAQUE) return { type: 'opaque', path: dir };
  if (name.startsWith(RESERVED)) return { type: 'other', path };
  const target = name.slice(WHITEOUT.length);
  if (target === '' || target === '.' || target === '..') throw hostileEntry(digest, entryName, 'is a whiteout of no file');
  return { type: 'whiteout', path: dir === '' ? target : `${dir}/${target}` };
}

interface DeferredLink {
  target: string;
  file: FileEntry;
  keep: boolean;
  bytesAnalyzers: FileAnalyzer[];
}

/**
 * A hard link is the same file as its target (ref. POSIX pax "typeflag 1"): same bytes, same mode.
 * A target earlier in this layer is resolved now; one the first pass did not keep is read on a
 * second pass; one in no entry of this layer is left for the overlay to find in lower layers.
 */
function hardLink(path: string, linkname: string, files: ReadonlyMap<string, FileEntry>, options: ReadLayerOptions): { entry: LayerEntry; deferred?: DeferredLink } {
  const target = normalizeEntryName(linkname, options.digest);
  if (target === '') throw hostileEntry(options.digest, linkname, 'is a hard link to the root directory');
  const original = files.get(target);
  if (original === undefined) return { entry: { type: 'hardlink', path, target } };
  const plan = options.select(path, { size: original.size, executable: original.executable });
  const file: FileEntry = { type: 'file', path, size: original.size, executable: original.executable };
  if (!plan.keep && plan.bytesAnalyzers.length === 0) return { entry: file };
  if (original.size > options.limits.maxFileSize) return { entry: { ...file, tooLarge: true } };
  if (reusable(original, plan, target, options) && (!plan.keep || original.content !== undefined)) {
    // The target went through the same bytes analyzers: its outputs serve the link, renamed, and
    // the layer is not read a second time (Debian images hard-link executables such as perl).
    const wanted = new Set(plan.bytesAnalyzers.map((a) => a.id));
    const analyzed = wanted.size === 0 ? undefined : original.analyzed?.filter((a) => wanted.has(a.analyzer)).map((a) => renameAnalyzed(a, target, path));
    if (plan.keep && original.content !== undefined) file.content = original.content;
    return { entry: analyzed !== undefined ? { ...file, analyzed } : file };
  }
  if (original.content === undefined || plan.bytesAnalyzers.length > 0) {
    // Bytes analyzers run below with the content in hand; deferring keeps one code path for them.
    return { entry: file, deferred: { target, file, keep: plan.keep, bytesAnalyzers: plan.bytesAnalyzers } };
  }
  file.content = original.content;
  return { entry: file };
}

/** Did the link's target already run every bytes analyzer the link's own path and facts ask for? */
function reusable(original: FileEntry, plan: { bytesAnalyzers: readonly FileAnalyzer[] }, target: string, options: ReadLayerOptions): boolean {
  if (plan.bytesAnalyzers.length === 0) return original.content !== undefined;
  if (original.analyzed === undefined) return false;
  const ran = new Set(options.select(target, { size: original.size, executable: original.executable }).bytesAnalyzers.map((a) => a.id));
  return plan.bytesAnalyzers.every((a) => ran.has(a.id));
}

/** Second pass over the layer for hard links whose target's bytes were not kept (or must be analyzed again under the link's path). */
async function resolveDeferredLinks(options: ReadLayerOptions, deferred: ReadonlyMap<string, DeferredLink[]>): Promise<void> {
  const pending = new Set(deferred.keys());
  await streamEntries({ ...options, onBlobBytes: () => undefined }, async (entry, path) => {
    const type = entry.header.type;
    if (!pending.has(path) || !(type === 'file' || type === 'contiguous-file' || type === null || type === undefined)) {
      await drain(entry);
      return;
    }
    pending.delete(path);
    const content = await readAll(entry);
    for (const link of deferred.get(path) ?? []) {
      if (link.keep) link.file.content = content;
      if (link.bytesAnalyzers.length > 0) link.file.analyzed = await analyzeBytes(link.bytesAnalyzers, link.file.path, content);
    }
  });
}

/** Like scanRootfs: an analyzer that throws becomes an error on the file, and the others still run. */
async function analyzeBytes(analyzers: readonly FileAnalyzer[], path: string, bytes: Uint8Array): Promise<AnalyzedFile[]> {
  const out: AnalyzedFile[] = [];
  for (const analyzer of analyzers) {
    try {
      out.push({ analyzer: analyzer.id, output: await analyzer.analyze({ path, content: '', bytes, files: NO_FILES }) });
    } catch (error) {
      out.push({ analyzer: analyzer.id, output: { packages: [], errors: [{ path, message: `analyzer ${analyzer.id} failed: ${error instanceof Error ? error.message : String(error)}` }] } });
    }
  }
  return out;
}

async function readAll(entry: TarEntry): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of entry) if (chunk instanceof Uint8Array) chunks.push(chunk);
  const buffer = Buffer.concat(chunks);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

async function drain(entry: TarEntry): Promise<void> {
  for await (const chunk of entry) void chunk;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Stream, zlib and tar-stream failures in words a user can act on, always naming the layer. */
function layerError(digest: string, error: unknown): BosunError {
  if (error instanceof BosunError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  let why: string;
  if (code === 'Z_BUF_ERROR' || message === 'unexpected end of file') why = 'truncated gzip stream (unexpected end of file)';
  else if (code.startsWith('Z_')) why = `corrupt gzip stream (${message})`;
  else if (message === 'Unexpected end of data') why = 'truncated tar (unexpected end of data)';
  else if (message.startsWith('Invalid tar header') || message === 'Invalid header') why = 'not a tar archive (invalid tar header)';
  else why = message;
  return new BosunError('input.read', `layer ${digest}: ${why}`, { cause: error });
}
