export { BosunError, describeUnknown, formatLocated, isBosunError } from './errors.js';
export type { ErrorCode, ErrorContext } from './errors.js';
export { createLineIndex } from './lines.js';
export type { LineIndex } from './lines.js';
export { parseYamlStream, splitDocuments } from './yaml/index.js';
export type { ParseOptions, PathSegment, SourcePosition, YamlDocument, YamlStream } from './yaml/index.js';
export { diagnosticFrom } from './diagnostics.js';
export type { Diagnostic } from './diagnostics.js';
