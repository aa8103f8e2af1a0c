/**
 * Pod Security Standards evaluator (k8s.io/pod-security-admission semantics), shared by engines:
 * the config-audit `pss` family and the Kyverno `validate.podSecurity` rule. Pure; imports only
 * kernel/ and k8s/.
 */
export { PSS_CHECKS } from './checks/index.js';
export { activeChecks, evaluatePodSecurity, formatViolations } from './evaluate.js';
export type { ActiveCheck } from './evaluate.js';
export { describeProblems } from './detail.js';
export type { PodSecurityInput, PodView } from './pod.js';
export type {
  PodSecurityVerdict, PssCheck, PssCheckId, PssCheckVersion, PssFacet, PssLevel, PssProblem, PssSubject, PssVersion, PssViolation,
} from './types.js';
export { LATEST_MINOR, parsePssLevel, parsePssVersion } from './version.js';
