export { kubeauditFamily } from './family.js';
export { AUDITOR_NAMES, DEFAULT_DENY_PATHS, KubeauditConfig } from './config.js';
export type { AuditorName } from './config.js';
export { API_LIFECYCLES, findLifecycle } from './deprecations.js';
export type { ApiLifecycle } from './deprecations.js';
export { auditKubeaudit, kubeauditResults, kubeauditRuleNames } from './view.js';
export type { KubeauditResult } from './view.js';
