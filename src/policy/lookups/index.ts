export { createMemoryLookups } from './memory.js';
export type { MemoryLookupData } from './memory.js';
