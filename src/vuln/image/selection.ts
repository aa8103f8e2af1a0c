import type { AnalyzerOutput } from '../inventory/index.js';

/**
 * What one layer contributes to the image, reduced to what the inventory needs: every path the layer
 * writes or deletes (so upper layers shadow lower ones exactly as an unpacked root would), and the
 * content of the few files analyzers asked for. This is the unit the layer cache stores.
 */
export interface LayerSelection {
  /** The layer blob's digest (`LayerDescriptor.digest`). */
  digest: string;
  /** In tar order. Whiteouts and opaque markers apply to lower layers only, wherever they sit. */
  entries: LayerEntry[];
}

/** The output of one `input: 'bytes'` analyzer on one file, kept instead of the file. */
export interface AnalyzedFile {
  analyzer: string;
  output: AnalyzerOutput;
}

export interface FileEntry {
  type: 'file';
  path: string;
  size: number;
  executable: boolean;
  /** The bytes, when an analyzer matches or reads the path, or it identifies the OS. */
  content?: Uint8Array;
  /** Wanted, but over `maxFileSize`: reported as scanRootfs reports it, never read. */
  tooLarge?: true;
  /** Outputs of the bytes analyzers that matched, in analyzer order. */
  analyzed?: AnalyzedFile[];
}

export type LayerEntry =
  | { type: 'dir'; path: string }
  | FileEntry
  | { type: 'symlink'; path: string; target: string }
  /** A hard link whose target is not in this layer (it names a lower layer's file). */
  | { type: 'hardlink'; path: string; target: string }
  /** `.wh.<name>`: `path` and everything under it is removed from lower layers. */
  | { type: 'whiteout'; path: string }
  /** `.wh..wh..opq`: the lower layers' contents of directory `path` are hidden. */
  | { type: 'opaque'; path: string }
  /** Character and block devices, fifos: nothing to analyze, but they shadow lower paths. */
  | { type: 'other'; path: string };

/**
 * A bytes analyzer's output for a hard link: the same file under another name, so locations naming
 * the target (or an entry inside it, `app.jar!/lib/x.jar`) name the link instead.
 */
export function renameAnalyzed(analyzed: AnalyzedFile, from: string, to: string): AnalyzedFile {
  const rename = (path: string): string => (path === from ? to : path.startsWith(`${from}!`) ? `${to}${path.slice(from.length)}` : path);
  return {
    analyzer: analyzed.analyzer,
    output: {
      packages: analyzed.output.packages.map((p) => ({ ...p, locations: p.locations.map((l) => ({ ...l, path: rename(l.path) })) })),
      errors: analyzed.output.errors.map((e) => ({ ...e, path: rename(e.path) })),
    },
  };
}
