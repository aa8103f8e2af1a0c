/**
 * Bounds on what one layer may cost to read. Layers come from anywhere (a registry, a file someone
 * sent), so each bound turns a hostile or broken blob into a clear error instead of exhausted memory
 * or disk. The defaults leave room for the largest real images (CUDA, ML runtimes).
 */
export interface LayerLimits {
  /** Largest file kept in memory for an analyzer; larger matches are reported, not read (as scanRootfs does). @default 256 MiB */
  maxFileSize: number;
  /** Uncompressed bytes of one layer's tar. @default 32 GiB */
  maxLayerBytes: number;
  /**
   * Uncompressed ÷ compressed bytes, checked once `ratioGrace` uncompressed bytes have been read.
   * Real layers compress 2–10×; gigabytes of zeros compress ~1000×. @default 200
   */
  maxCompressionRatio: number;
  /** Uncompressed bytes read before the ratio is checked, so tiny layers of text are never flagged. @default 64 MiB */
  ratioGrace: number;
  /** Tar entries in one layer. @default 2_000_000 */
  maxEntries: number;
}

export const DEFAULT_LAYER_LIMITS: Readonly<LayerLimits> = {
  maxFileSize: 256 * 1024 * 1024,
  maxLayerBytes: 32 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioGrace: 64 * 1024 * 1024,
  maxEntries: 2_000_000,
};

export function resolveLimits(limits: Partial<LayerLimits> | undefined): LayerLimits {
  return { ...DEFAULT_LAYER_LIMITS, ...limits };
}
