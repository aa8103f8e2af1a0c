/** Container images from OCI registries over the distribution API, as ImageSources. */
export { openRegistryImage, isLoopback } from './open.js';
export type { OpenRegistryImageOptions } from './open.js';
export type { FetchLike } from './client.js';
export { parseImageReference } from './reference.js';
export type { ImageReference } from './reference.js';
export { parsePlatform, formatPlatform, DEFAULT_PLATFORM } from './platform.js';
