import type { Resource } from '../../k8s/index.js';
import type { CheckInfo, CheckResult } from '../types.js';
import { pushOverridden } from './overrides.js';
import { flag, podOf, securityContextOf } from './pod.js';
import type { Issue, Level } from './result.js';

/** What one side of a boolean securityContext rule reports. */
interface FlagOutcome {
  rule: string;
  level: Level;
  check: CheckInfo;
  message: (container: string) => string;
}

/**
 * A container securityContext boolean with an unsafe value and kubeaudit's wish to see it set
 * explicitly (privileged, allowPrivilegeEscalation, readOnlyRootFilesystem share this shape).
 */
export interface FlagRule {
  field: string;
  /** The value that is a problem when set. */
  unsafe: boolean;
  overrideLabel: string;
  unset: FlagOutcome;
  set: FlagOutcome;
}

/** Audits every container of the resource against a flag rule, with overrides. */
export function auditFlag(resource: Resource, rule: FlagRule): CheckResult[] {
  const pod = podOf(resource);
  if (pod === undefined) return [];
  const out: CheckResult[] = [];
  for (const ref of pod.containers) {
    const value = flag(securityContextOf(ref), rule.field);
    const outcome = value === undefined ? rule.unset : value === rule.unsafe ? rule.set : undefined;
    const issue: Issue | undefined =
      outcome === undefined
        ? undefined
        : {
            rule: outcome.rule,
            level: outcome.level,
            check: outcome.check,
            message: outcome.message(ref.name),
            resource,
            container: ref.name,
            path: [...ref.path, 'securityContext', rule.field],
          };
    pushOverridden(out, issue, pod.scope, rule.overrideLabel, ref.name);
  }
  return out;
}
