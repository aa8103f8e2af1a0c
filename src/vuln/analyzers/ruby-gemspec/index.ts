export { rubyGemspec } from './analyzer.js';
export { parseGemspec, parseGemspecFileName, rubyString } from './parse.js';
export type { Field, Gemspec } from './parse.js';
