export { createJavaArchiveAnalyzer, javaArchive } from './analyzer.js';
export type { JavaArchiveOptions } from './analyzer.js';
export { fromManifestOrName, fromPomProperties } from './identify.js';
export type { Coordinate } from './identify.js';
export { parseArchiveName, parseManifest, parseProperties } from './parse.js';
