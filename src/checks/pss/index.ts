/**
 * Pod Security Standards (k8s.io/pod-security-admission semantics): the `pss` check family and a
 * pure evaluator, `evaluatePodSecurity`, for engines that need PSA verdicts natively (e.g. the
 * Kyverno `podSecurity` rule).
 */
export { PSS_CHECKS } from './checks/index.js';
export { activeChecks, evaluatePodSecurity, formatViolations } from './evaluate.js';
export type { ActiveCheck } from './evaluate.js';
export { pssFamily } from './family.js';
export type { PodSecurityInput, PodView } from './pod.js';
export type {
  PodSecurityVerdict, PssCheck, PssCheckId, PssCheckVersion, PssLevel, PssProblem, PssSubject, PssVersion, PssViolation,
} from './types.js';
export { LATEST_MINOR, parsePssLevel, parsePssVersion } from './version.js';
