import { z } from 'zod';

/**
 * The parts of poetry.lock we read. ref. poetry `packages/locker.py` (`_dump_package`):
 * lock-version 1.x writes `category = "main" | "dev"`; 2.x writes `groups = [...]` (and optionally
 * `markers`). `optional = true` marks a package that only an extra pulls in. `source` describes
 * git/url/file/directory/legacy sources; git ones carry `resolved_reference`, the commit.
 */
export const PoetryPackage = z.object({
  name: z.string().min(1),
  version: z.string(),
  optional: z.boolean().optional(),
  category: z.string().optional(),
  groups: z.array(z.string()).optional(),
  source: z
    .object({
      type: z.string().optional(),
      resolved_reference: z.string().optional(),
    })
    .optional(),
});
export type PoetryPackage = z.infer<typeof PoetryPackage>;

export const PoetryLock = z.object({
  package: z.array(PoetryPackage).optional(),
});
export type PoetryLock = z.infer<typeof PoetryLock>;
