import { z } from 'zod';

/** The failsafe YAML schema reads an empty value (`packages:` or `/foo/1.0.0:`) as ''. */
const emptyAsObject = (value: unknown): unknown => (value === '' ? {} : value);

/**
 * pnpm-lock.yaml, ref. https://github.com/pnpm/spec/tree/master/lockfile (5.x, 6.0) and pnpm's
 * lockfile v9 (`packages` keyed by package id, the dependency graph moved to `snapshots`).
 * Read with the failsafe schema, so every scalar is a string (`lockfileVersion: 5.3` is "5.3").
 */
export const PnpmLockfile = z.object({
  lockfileVersion: z.string().optional(),
  packages: z.preprocess(emptyAsObject, z.record(z.string(), z.unknown())).optional(),
});

export const PnpmPackage = z.preprocess(
  emptyAsObject,
  z.object({
    /** Present when the dependency path does not encode the name (git, tarball, `file:` deps). */
    name: z.string().optional(),
    version: z.string().optional(),
    resolution: z
      .preprocess(emptyAsObject, z.object({ commit: z.string().optional(), tarball: z.string().optional() }))
      .optional(),
    /** Lockfiles before 9: `true` when only dev dependencies need the package. */
    dev: z.string().optional(),
    /** Lockfiles before 9: `true` when only optional dependencies need the package. */
    optional: z.string().optional(),
  }),
);
export type PnpmPackage = z.infer<typeof PnpmPackage>;
