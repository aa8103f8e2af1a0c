import { z } from 'zod';

/**
 * A yarn berry lockfile entry (ref. https://yarnpkg.com/advanced/lockfile): the fields the
 * inventory reads. The lockfile is read with the failsafe schema, so every scalar is a string.
 */
export const BerryEntry = z.object({
  version: z.string().optional(),
  /** The locator: `<name>@<protocol>:<reference>`, e.g. `lodash@npm:4.17.21`. */
  resolution: z.string().optional(),
});
