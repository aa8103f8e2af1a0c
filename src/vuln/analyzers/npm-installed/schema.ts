import { z } from 'zod';

/**
 * The two fields of an installed package's package.json that identify it
 * (ref. https://docs.npmjs.com/cli/v10/configuring-npm/package-json#name and #version).
 */
export const InstalledManifest = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
});
export type InstalledManifest = z.infer<typeof InstalledManifest>;
