export { parseYamlStream } from './parse.js';
export type { ParseOptions, SourcePosition, YamlDocument, YamlStream } from './parse.js';
export type { PathSegment } from './locate.js';
export { splitDocuments } from './split.js';
