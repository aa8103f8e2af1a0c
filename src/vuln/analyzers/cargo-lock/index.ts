export { cargoLock } from './analyzer.js';
export { parseCargoLock } from './parse.js';
export type { CargoCrate, CargoParseResult } from './parse.js';
