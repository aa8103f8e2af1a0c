import type { FileAnalyzer, FileFacts } from '../inventory/index.js';
import { OS_IDENTIFICATION_FILES } from '../os/index.js';

/** What to do with one regular file as its layer streams by. */
export interface FilePlan {
  /** Keep the bytes for text analyzers, `reads` companions and OS detection. */
  keep: boolean;
  /** Bytes analyzers to run on it now; only their output is kept. */
  bytesAnalyzers: FileAnalyzer[];
}

export type FileSelector = (path: string, facts: FileFacts) => FilePlan;

export interface WalkSkips {
  /** Top-level directories not offered to analyzers. @default ['proc', 'sys', 'dev'] (as scanRootfs) */
  skipTopLevel?: readonly string[];
  /** Directory names not offered to analyzers at any depth. @default ['.git'] (as scanRootfs) */
  skipNames?: readonly string[];
}

/**
 * Decides which files of a layer matter, from the analyzers alone, so the same analyzers give the
 * same selection (which is why the cache key is derived from their ids and versions).
 */
export function createFileSelector(analyzers: readonly FileAnalyzer[], skips: WalkSkips = {}): FileSelector {
  const osFiles = new Set(OS_IDENTIFICATION_FILES);
  const offered = createOfferFilter(skips);
  return (path, facts) => {
    const matching = offered(path) ? analyzers.filter((a) => a.matches(path, facts)) : [];
    const keep = osFiles.has(path) || matching.some((a) => a.input !== 'bytes') || analyzers.some((a) => a.reads?.(path) === true);
    return { keep, bytesAnalyzers: matching.filter((a) => a.input === 'bytes') };
  };
}

/**
 * Would scanRootfs's walk reach this path? It skips proc/, sys/, dev/ at the top and `.git`
 * directories anywhere, so an image inventory skips them too and the two agree.
 */
export function createOfferFilter(skips: WalkSkips = {}): (path: string) => boolean {
  const top = new Set(skips.skipTopLevel ?? ['proc', 'sys', 'dev']);
  const names = new Set(skips.skipNames ?? ['.git']);
  return (path) => {
    const parts = path.split('/');
    if (parts.length > 1 && top.has(parts[0] ?? '')) return false;
    for (let i = 0; i < parts.length - 1; i++) if (names.has(parts[i] ?? '')) return false;
    return true;
  };
}
