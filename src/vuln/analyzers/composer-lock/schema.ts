import { z } from 'zod';

/** ref. https://getcomposer.org/doc/01-basic-usage.md#composer-lock-the-lock-file (same shape as a package's composer.json plus `source`/`dist`). */
const Reference = z.object({ reference: z.string().nullish() }).nullish();

export const ComposerPackage = z.object({
  name: z.string().min(1),
  version: z.string(),
  source: Reference,
  dist: Reference,
});
export type ComposerPackage = z.infer<typeof ComposerPackage>;

export const ComposerLock = z.object({
  packages: z.array(ComposerPackage).nullish(),
  'packages-dev': z.array(ComposerPackage).nullish(),
});
export type ComposerLock = z.infer<typeof ComposerLock>;
