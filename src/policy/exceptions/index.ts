export { celExceptionsFor, conditionsHold, exceptionRef, exceptionsFor, exemptionMessage } from './exempt.js';
