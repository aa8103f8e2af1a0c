import { z } from 'zod';

/**
 * The parts of Cargo.lock we read. ref. Cargo source, `core/resolver/encode.rs` (EncodableDependency):
 * every `[[package]]` has `name` and `version`; `source` is absent for path (workspace) crates.
 */
export const CargoLockPackage = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  source: z.string().optional(),
});
export type CargoLockPackage = z.infer<typeof CargoLockPackage>;

export const CargoLock = z.object({
  version: z.number().optional(),
  package: z.array(CargoLockPackage).optional(),
});
export type CargoLock = z.infer<typeof CargoLock>;
