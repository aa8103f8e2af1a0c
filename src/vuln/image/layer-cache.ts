import { createHash } from 'node:crypto';
import type { FileAnalyzer } from '../inventory/index.js';
import type { WalkSkips } from './file-selector.js';
import type { LayerSelection } from './selection.js';

/**
 * Where analysed layers are kept between scans. Layers are immutable and named by digest, so a
 * selection computed once stays right for as long as the analyzers that chose it are the same,
 * which the key captures. A second scan of an image sharing base layers opens none of them.
 */
export interface LayerCache {
  get(digest: string, key: string): Promise<CacheLookup>;
  /** Stores atomically: a reader sees the old entry, the new one, or none, never half of one. */
  put(digest: string, key: string, selection: LayerSelection): Promise<void>;
}

export type CacheLookup =
  | { status: 'hit'; selection: LayerSelection }
  | { status: 'miss' }
  /** Present but unreadable (truncated, corrupt, another format): treated as a miss and rewritten. */
  | { status: 'corrupt'; reason: string };

/** Bumped whenever what a selection holds, or how it is chosen, changes. */
export const SELECTION_FORMAT_VERSION = 1;

export interface SelectionKeyInput {
  analyzers: readonly FileAnalyzer[];
  maxFileSize: number;
  skips: WalkSkips;
}

/**
 * Everything that decides a layer's selection besides its bytes: the analyzers (id and version,
 * order-free), the file size limit (over it, content is not kept), the walk skips and this format.
 */
export function selectionKey(input: SelectionKeyInput): string {
  const analyzers = input.analyzers.map((a) => `${a.id}@${a.version}`).sort();
  const described = JSON.stringify({
    format: SELECTION_FORMAT_VERSION,
    analyzers,
    maxFileSize: input.maxFileSize,
    skipTopLevel: [...(input.skips.skipTopLevel ?? ['proc', 'sys', 'dev'])].sort(),
    skipNames: [...(input.skips.skipNames ?? ['.git'])].sort(),
  });
  return createHash('sha256').update(described).digest('hex').slice(0, 32);
}
