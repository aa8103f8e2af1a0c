export { createGoBinaryAnalyzer, goBinary } from './analyzer.js';
export type { GoBinaryOptions } from './analyzer.js';
export { findBuildInfo, isExecutable } from './find.js';
export type { BuildInfoResult } from './find.js';
export { parseModInfo } from './parse.js';
export type { BuildModule, ModInfo, ModuleRef } from './parse.js';
