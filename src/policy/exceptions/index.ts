export { conditionsHold, exceptionRef, exceptionsFor, exemptionMessage } from './exempt.js';
