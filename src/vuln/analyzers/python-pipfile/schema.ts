import { z } from 'zod';

/**
 * ref. https://github.com/pypa/pipfile#pipfilelock and pipenv's lock writer: `default` and `develop`
 * map package names to `{ version: "==x", hashes, markers, index }`; VCS and path entries carry
 * `git`/`ref`/`path`/`file` instead of a version.
 */
export const PipfileLockEntry = z.object({
  version: z.string().optional(),
  git: z.string().optional(),
  ref: z.string().optional(),
});
export type PipfileLockEntry = z.infer<typeof PipfileLockEntry>;

export const PipfileLock = z.object({
  default: z.record(z.string(), PipfileLockEntry).nullish(),
  develop: z.record(z.string(), PipfileLockEntry).nullish(),
});
export type PipfileLock = z.infer<typeof PipfileLock>;
