export { FILE_ANALYZERS } from './analyzers/registry.js';
export { formatPurl, npmPurl, parsePurl } from './inventory/index.js';
export type { PurlParts } from './inventory/index.js';
export type { AnalyzerError, AnalyzerInput, AnalyzerOutput, Ecosystem, FileAnalyzer, FileFacts, FileReader, Package, PackageLocation } from './inventory/index.js';
export { rootedReader, scanRootfs } from './inventory/scan-rootfs.js';
export type { RootfsInventory } from './inventory/scan-rootfs.js';
export { detectOs } from './os/index.js';
export { DEFAULT_LAYER_LIMITS, SELECTION_FORMAT_VERSION, decodeSelection, encodeSelection, inventoryImage, selectionKey } from './image/index.js';
export type {
  CacheLookup,
  ImageConfigSummary,
  ImageInventory,
  ImageMeta,
  ImageSource,
  InventoryImageOptions,
  LayerCache,
  LayerDescriptor,
  LayerLimits,
  LayerProgress,
  LayerSelection,
  Platform,
} from './image/index.js';
export type { OsFamily, OsInfo } from './os/index.js';
export { BOSUN_PROPERTY, readSbom } from './sbom-import/index.js';
export type { ImportedSbom, SbomFormat, SbomInventory, UnidentifiedComponent } from './sbom-import/index.js';
