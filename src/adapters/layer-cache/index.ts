export { createFsLayerCache, defaultLayerCacheDir } from './fs-layer-cache.js';
export type { FsLayerCacheOptions } from './fs-layer-cache.js';
