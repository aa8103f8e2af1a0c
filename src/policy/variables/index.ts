export { buildContext, loadContextEntries, setDotted } from './context.js';
export type { ContextData } from './context.js';
export { hasVariables, resolve, substitute, VariableError } from './substitute.js';
export type { MissingMode } from './substitute.js';
export { imagesOf, parseImage } from './images.js';
export type { ImageInfo } from './images.js';
