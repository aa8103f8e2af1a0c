export { mavenPom } from './analyzer.js';
export { loadLineage, readPomText } from './lineage.js';
export type { PomFile, PomReadResult } from './lineage.js';
export type { RawDependency, RawParent, RawPom } from './model.js';
export { interpolate, resolveDependencies } from './resolve.js';
export type { ResolvedDependency } from './resolve.js';
