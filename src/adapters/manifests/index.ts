export { discoverManifests, STDIN } from './discover.js';
export { loadManifests, loadText } from './load.js';
export type { LoadedManifests, LoadOptions } from './load.js';
export { DEFAULT_MAX_FILE_BYTES, formatBytes } from './read.js';
