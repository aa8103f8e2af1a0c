import type { AnalyzerError, FileAnalyzer, Package } from '../inventory/index.js';
import type { RootfsInventory } from '../inventory/scan-rootfs.js';
import { detectOs } from '../os/index.js';
import { createFileSelector, createOfferFilter } from './file-selector.js';
import type { FileSelector, WalkSkips } from './file-selector.js';
import { selectionKey } from './layer-cache.js';
import type { LayerCache } from './layer-cache.js';
import { resolveLimits } from './limits.js';
import type { LayerLimits } from './limits.js';
import { buildOverlay, lookup, survivingFiles } from './overlay.js';
import type { DirNode, FileNode } from './overlay.js';
import { overlayReader } from './overlay-reader.js';
import type { OverlayReader } from './overlay-reader.js';
import { readLayer } from './read-layer.js';
import type { LayerSelection } from './selection.js';
import type { ImageMeta, ImageSource, LayerDescriptor } from './source.js';

/** The documented JSON of `bosun sbom image`: a rootfs inventory plus what the image is. */
export type ImageInventory = RootfsInventory & { image: ImageMeta };

export interface LayerProgress {
  digest: string;
  /** 0-based position, bottom first. */
  index: number;
  count: number;
  /** Stored (compressed) bytes read so far; 0 for a cached layer. */
  bytesRead: number;
  /** The blob's size as the manifest gives it; -1 when unknown. */
  total: number;
  /** `off` without a cache; `corrupt` is a miss whose stale entry gets rewritten. */
  cache: 'hit' | 'miss' | 'corrupt' | 'off';
  /** The last event of this layer. */
  done: boolean;
}

export interface InventoryImageOptions extends WalkSkips {
  /** Resolved to one platform; the caller closes it. */
  source: ImageSource;
  /** Analyzers each file is offered to (the CLI passes the registry). */
  analyzers: Iterable<FileAnalyzer>;
  /** Analysed layers kept between scans. @default none */
  cache?: LayerCache;
  /** @default DEFAULT_LAYER_LIMITS */
  limits?: Partial<LayerLimits>;
  onProgress?: (progress: LayerProgress) => void;
}

/**
 * Inventories an image without unpacking it: each layer is streamed once (or taken from the cache)
 * keeping only the files analyzers want, the layers are stacked with their whiteouts, and the
 * analyzers run on what survives, in path order — the answer scanRootfs gives for the unpacked root.
 */
export async function inventoryImage(options: InventoryImageOptions): Promise<ImageInventory> {
  const analyzers = [...options.analyzers];
  const limits = resolveLimits(options.limits);
  const skips: WalkSkips = {
    ...(options.skipTopLevel !== undefined ? { skipTopLevel: options.skipTopLevel } : {}),
    ...(options.skipNames !== undefined ? { skipNames: options.skipNames } : {}),
  };
  const select = createFileSelector(analyzers, skips);
  const key = selectionKey({ analyzers, maxFileSize: limits.maxFileSize, skips });
  const { source } = options;
  const selections: LayerSelection[] = [];
  for (const [index, layer] of source.layers.entries()) {
    selections.push(await selectLayer({ source, layer, index, select, limits, key, cache: options.cache, onProgress: options.onProgress }));
  }
  const root = buildOverlay(selections);
  const notKept = new Set<string>();
  const files = overlayReader(root, (path) => notKept.add(path));
  const { packages, errors } = await analyzeSurvivors(root, files, analyzers, createOfferFilter(skips), limits.maxFileSize);
  const os = (await detectOs(files)) ?? null;
  for (const path of [...notKept].sort()) {
    errors.push({ path, message: 'an analyzer read this file, which is in the image but was not kept from its layer (the analyzer does not declare it in `reads`); it was treated as missing' });
  }
  return { os, packages: packages.map((p) => withLayers(p, root)), errors, image: imageMeta(source) };
}

interface SelectLayerInput {
  source: ImageSource;
  layer: LayerDescriptor;
  index: number;
  select: FileSelector;
  limits: LayerLimits;
  key: string;
  cache: LayerCache | undefined;
  onProgress: ((progress: LayerProgress) => void) | undefined;
}

async function selectLayer(input: SelectLayerInput): Promise<LayerSelection> {
  const { layer, cache } = input;
  const report = (bytesRead: number, state: LayerProgress['cache'], done: boolean): void =>
    input.onProgress?.({ digest: layer.digest, index: input.index, count: input.source.layers.length, bytesRead, total: layer.size, cache: state, done });
  const cached = cache === undefined ? undefined : await cache.get(layer.digest, input.key);
  if (cached?.status === 'hit' && cached.selection.digest === layer.digest) {
    report(0, 'hit', true);
    return cached.selection;
  }
  const state = cached === undefined ? 'off' : cached.status === 'corrupt' ? 'corrupt' : 'miss';
  report(0, state, false);
  let bytesRead = 0;
  const selection = await readLayer({
    digest: layer.digest,
    mediaType: layer.mediaType,
    open: () => input.source.openLayer(layer),
    select: input.select,
    limits: input.limits,
    onBlobBytes: (total) => {
      bytesRead = total;
      report(total, state, false);
    },
  });
  // The cache only saves time: a full disk or read-only home must not fail the scan.
  await cache?.put(layer.digest, input.key, selection).catch(() => undefined);
  report(bytesRead, state, true);
  return selection;
}

/** scanRootfs's per-file loop over the stacked image, with bytes analyzers' outputs taken from the layers. */
async function analyzeSurvivors(
  root: DirNode,
  files: OverlayReader,
  analyzers: readonly FileAnalyzer[],
  offered: (path: string) => boolean,
  maxFileSize: number,
): Promise<{ packages: Package[]; errors: AnalyzerError[] }> {
  const packages: Package[] = [];
  const errors: AnalyzerError[] = [];
  for (const { path, node } of survivingFiles(root, offered)) {
    const { entry } = node;
    const wanting = analyzers.filter((a) => a.matches(path, entry));
    if (wanting.length === 0) continue;
    if (entry.tooLarge === true) {
      errors.push({ path, message: `file is ${entry.size} bytes, over the ${maxFileSize}-byte limit; not analyzed` });
      continue;
    }
    const outputs = wanting.map((analyzer) => storedOutput(node, path, analyzer));
    if (entry.content === undefined && outputs.some((o) => o === undefined)) {
      errors.push({ path, message: 'file could not be read' });
      continue;
    }
    const text = entry.content !== undefined && wanting.some((a) => a.input !== 'bytes') ? Buffer.from(entry.content).toString('utf8') : '';
    for (const [i, analyzer] of wanting.entries()) {
      const stored = outputs[i];
      try {
        const out = stored ?? (await analyzer.analyze(analyzer.input === 'bytes' ? { path, content: '', bytes: entry.content ?? new Uint8Array(), files } : { path, content: text, files }));
        packages.push(...out.packages);
        errors.push(...out.errors);
      } catch (error) {
        errors.push({ path, message: `analyzer ${analyzer.id} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
  return { packages, errors };
}

/** A bytes analyzer's output recorded while the layer streamed, if it was recorded under this path. */
function storedOutput(node: FileNode, path: string, analyzer: FileAnalyzer): { packages: Package[]; errors: AnalyzerError[] } | undefined {
  if (analyzer.input !== 'bytes' || node.entry.path !== path) return undefined;
  return node.entry.analyzed?.find((a) => a.analyzer === analyzer.id)?.output;
}

/** Package.locations[].layer: the layer that wrote the file each location names, as the image stacks them. */
function withLayers(pkg: Package, root: DirNode): Package {
  return {
    ...pkg,
    locations: pkg.locations.map((location) => {
      const node = lookup(root, location.path, true);
      return node === undefined || node.layer === '' ? location : { ...location, layer: node.layer };
    }),
  };
}

function imageMeta(source: ImageSource): ImageMeta {
  return {
    name: source.name,
    ...(source.manifestDigest !== undefined ? { manifestDigest: source.manifestDigest } : {}),
    ...(source.manifestMediaType !== undefined ? { manifestMediaType: source.manifestMediaType } : {}),
    config: source.config,
    layers: source.layers,
  };
}
