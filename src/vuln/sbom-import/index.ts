export { BOSUN_PROPERTY } from './properties.js';
export { readSbom } from './read.js';
export type { ImportedSbom, SbomFormat, SbomInventory, UnidentifiedComponent } from './types.js';
