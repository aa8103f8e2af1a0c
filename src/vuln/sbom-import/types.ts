import type { ImageMeta } from '../image/source.js';
import type { RootfsInventory } from '../inventory/scan-rootfs.js';

/** An inventory with what it describes: an image (`bosun sbom image`) or a directory (no `image`). */
export type SbomInventory = RootfsInventory & { image?: ImageMeta };

export type SbomFormat = 'cyclonedx' | 'spdx';

/** A component we kept but could not place in an OSV ecosystem (no purl, or a purl type we do not map). */
export interface UnidentifiedComponent {
  name: string;
  version: string;
  /** The purl, when there was one. */
  purl?: string;
}

/** What `readSbom` gives back: the inventory, and what the document was. */
export type ImportedSbom = SbomInventory & {
  format: SbomFormat;
  /** `1.6`, `SPDX-2.3`: as the document says. */
  specVersion: string;
  /** Also reported one by one in `errors`. */
  unidentified: UnidentifiedComponent[];
};
