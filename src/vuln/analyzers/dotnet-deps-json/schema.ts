import { z } from 'zod';

/**
 * The `libraries` of a .NET `*.deps.json` (written by the SDK next to an app's main assembly):
 * `"Name/Version": { "type": "package" | "project" | "reference" | "runtimepack", ... }`.
 * ref. https://github.com/dotnet/sdk/blob/main/documentation/specs/runtime-configuration-file.md
 */
export const DepsLibrary = z.object({
  type: z.string(),
  serviceable: z.boolean().optional(),
  sha512: z.string().optional(),
  path: z.string().optional(),
});
export type DepsLibrary = z.infer<typeof DepsLibrary>;

export const DepsJson = z.object({
  libraries: z.record(z.string(), DepsLibrary).optional(),
});
export type DepsJson = z.infer<typeof DepsJson>;
