export { formatPurl, npmPurl } from './purl.js';
export type { PurlParts } from './purl.js';
export type { AnalyzerError, AnalyzerOutput, Ecosystem, FileAnalyzer, FileReader, Package, PackageLocation } from './types.js';
