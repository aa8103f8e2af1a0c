export { formatPurl, npmPurl, parsePurl } from './purl.js';
export type { PurlParts } from './purl.js';
export type { AnalyzerError, AnalyzerInput, AnalyzerOutput, Ecosystem, FileAnalyzer, FileFacts, FileReader, Package, PackageLocation } from './types.js';
