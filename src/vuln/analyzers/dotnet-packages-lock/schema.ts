import { z } from 'zod';

/**
 * NuGet's packages.lock.json (lock file version 1 and 2): per target framework (and
 * `framework/runtime-identifier`), each package id maps to how it was resolved.
 * ref. https://learn.microsoft.com/nuget/consume-packages/package-references-in-project-files#locking-dependencies
 * and NuGet.ProjectModel `PackagesLockFileFormat` (`type`: Direct, Transitive, CentralTransitive, Project).
 */
export const LockedDependency = z.object({
  type: z.string().optional(),
  requested: z.string().optional(),
  resolved: z.string().optional(),
});
export type LockedDependency = z.infer<typeof LockedDependency>;

export const PackagesLock = z.object({
  version: z.number(),
  dependencies: z.record(z.string(), z.record(z.string(), LockedDependency)).optional(),
});
export type PackagesLock = z.infer<typeof PackagesLock>;
