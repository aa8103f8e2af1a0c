export { compileExpression, searchExpression } from './search.js';
export { formatDuration, parseDuration } from './duration.js';
