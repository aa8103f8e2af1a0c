import { toCycloneDx, toSpdx } from '../../../report/sbom/index.js';
import type { SbomInventory } from '../../../vuln/index.js';
import type { CliIo } from '../../io.js';
import { bosunVersion } from '../../version.js';
import { inventoryTable } from './table.js';

/** Every `--format` of the sbom commands: a writer registry, not a switch that grows. */
export const SBOM_FORMATS = ['table', 'json', 'cyclonedx', 'spdx'] as const;
export type SbomFormat = (typeof SBOM_FORMATS)[number];

type Render = (inventory: SbomInventory, context: { name: string; io: CliIo }) => string;

const RENDERERS: Readonly<Record<SbomFormat, Render>> = {
  table: (inventory) => inventoryTable(inventory),
  json: (inventory) => `${JSON.stringify(inventory, null, 2)}\n`,
  cyclonedx: (inventory, { name, io }) => toCycloneDx(inventory, { toolVersion: bosunVersion(), now: io.now(), name }),
  spdx: (inventory, { name, io }) => toSpdx(inventory, { toolVersion: bosunVersion(), now: io.now(), name }),
};

/** The inventory in the chosen format; `name` labels a scanned directory (images carry their own). */
export function renderInventory(inventory: SbomInventory, format: SbomFormat, name: string, io: CliIo): string {
  return RENDERERS[format](inventory, { name, io });
}
