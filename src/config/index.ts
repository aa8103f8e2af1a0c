export { DEFAULT_CONFIG_FILE, EMPTY_CONFIG, loadConfig, parseConfig } from './load.js';
export type { LoadedConfig } from './load.js';
export { ConfigSchema } from './schema.js';
export type { BosunConfig, ExemptionConfig } from './schema.js';
