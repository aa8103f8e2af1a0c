import type { z } from 'zod';
import type { ImageConfigSummary } from '../../vuln/index.js';
import type { ImageConfig } from './schema.js';

/** The parts of an image config the inventory reports (ref. image-spec config.md). */
export function summarizeConfig(config: z.infer<typeof ImageConfig>): ImageConfigSummary {
  return {
    ...(config.os !== undefined ? { os: config.os } : {}),
    ...(config.architecture !== undefined ? { architecture: config.architecture } : {}),
    ...(config.variant !== undefined ? { variant: config.variant } : {}),
    ...(config.created !== undefined ? { created: config.created } : {}),
    diffIds: config.rootfs?.diff_ids ?? [],
  };
}
