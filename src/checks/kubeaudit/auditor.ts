import type { Resource } from '../../k8s/index.js';
import type { ResourceIndex } from '../resource-index.js';
import type { CheckInfo, CheckResult } from '../types.js';
import type { AuditorName, KubeauditSettings } from './config.js';

/** What an auditor may read besides the resource it audits. */
export interface AuditorContext {
  settings: KubeauditSettings;
  index: ResourceIndex;
}

/** One kubeaudit auditor: audits one resource at a time, like kubeaudit's `Auditable`. */
export interface Auditor {
  name: AuditorName;
  /** Every check this auditor can report (RedundantAuditorOverride is the family's). */
  checks: readonly CheckInfo[];
  audit(resource: Resource, context: AuditorContext): CheckResult[];
}
