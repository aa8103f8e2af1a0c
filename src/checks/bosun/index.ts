export { bosunFamily } from './family.js';
