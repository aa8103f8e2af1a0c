import { z } from 'zod';

/**
 * package-lock.json / npm-shrinkwrap.json, ref. https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json.
 * Only the fields the inventory reads are validated; entries are checked one by one so one odd
 * entry is reported on its own line instead of failing the file.
 */
export const NpmLockfile = z.object({
  lockfileVersion: z.number().int().optional(),
  /** lockfileVersion 2 and 3: install path (`node_modules/a/node_modules/b`) → package. */
  packages: z.record(z.string(), z.unknown()).optional(),
  /** lockfileVersion 1 (and kept in 2 for old npm): name → dependency, nested. */
  dependencies: z.record(z.string(), z.unknown()).optional(),
});

/** A `packages` entry (lockfileVersion ≥ 2). */
export const NpmLockPackage = z.object({
  /** Set when the install folder name is not the package name: aliases, workspaces, links. */
  name: z.string().optional(),
  version: z.string().optional(),
  resolved: z.string().optional(),
  /** A symlink; its target is an entry of its own, so the link adds no package. */
  link: z.boolean().optional(),
  dev: z.boolean().optional(),
  optional: z.boolean().optional(),
  /** Needed by dev or by optional dependencies, but not by production ones. */
  devOptional: z.boolean().optional(),
  /** Shipped inside its parent's tarball (bundleDependencies). */
  inBundle: z.boolean().optional(),
});
export type NpmLockPackage = z.infer<typeof NpmLockPackage>;

/** A `dependencies` entry (lockfileVersion 1). */
export const NpmLockDependency = z.object({
  /** A version, `npm:<name>@<version>` for an alias, a git URL for git deps, `file:` for local ones. */
  version: z.string().optional(),
  dev: z.boolean().optional(),
  optional: z.boolean().optional(),
  bundled: z.boolean().optional(),
  dependencies: z.record(z.string(), z.unknown()).optional(),
});
export type NpmLockDependency = z.infer<typeof NpmLockDependency>;
