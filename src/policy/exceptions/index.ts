export { conditionsHold, exceptionsFor, exemptionMessage } from './exempt.js';
