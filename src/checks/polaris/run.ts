import type { CheckResult, AuditContext } from '../types.js';
import { BUILT_IN_CHECKS } from './checks/index.js';
import type { ResolvedPolarisConfig } from './config.js';
import { customCheck } from './custom/check.js';
import { exemptionFor } from './exemptions.js';
import { toBosunSeverity } from './severity.js';
import { subjectsFor } from './targets.js';
import type { PolarisCheck, PolarisSeverity, Subject } from './types.js';
import { workloadOf } from './workload.js';

interface ActiveCheck {
  check: PolarisCheck;
  severity: Exclude<PolarisSeverity, 'ignore'>;
}

/** The checks to run: built-ins and custom checks whose severity is not `ignore`. */
export function activeChecks(config: ResolvedPolarisConfig): ActiveCheck[] {
  const out: ActiveCheck[] = [];
  for (const [id, severity] of config.severities) {
    if (severity === 'ignore') continue;
    const definition = config.customChecks.get(id);
    const builtIn = BUILT_IN_CHECKS.get(id);
    // A custom check with a built-in's id replaces it, as in Polaris.
    const check = definition !== undefined ? customCheck(id, definition, builtIn) : builtIn;
    if (check !== undefined) out.push({ check, severity });
  }
  return out;
}

/** Runs every active check on every resource; exempt subjects get `skip` results. */
export function runPolaris(context: AuditContext, config: ResolvedPolarisConfig): CheckResult[] {
  const checks = activeChecks(config);
  const results: CheckResult[] = [];
  for (const resource of context.resources) {
    const workload = workloadOf(resource);
    for (const { check, severity } of checks) {
      for (const subject of subjectsFor(check, resource, workload, context.index)) {
        results.push(judge(check, severity, subject, config));
      }
    }
  }
  return results;
}

function judge(check: PolarisCheck, severity: ActiveCheck['severity'], subject: Subject, config: ResolvedPolarisConfig): CheckResult {
  const base = {
    checkId: check.info.id,
    compatibleId: `polaris:${check.id}`,
    severity: toBosunSeverity(severity),
    resource: subject.resource,
    ...(subject.container !== undefined ? { container: subject.container.name } : {}),
  };
  const skipReason = exemptionFor(check.id, subject.resource, subject.container?.declaredName, config);
  if (skipReason !== undefined) return { ...base, status: 'skip', message: `Not checked: ${skipReason}`, skipReason };
  const verdict = check.evaluate(subject);
  const path = verdict.path !== undefined ? { path: verdict.path } : {};
  if (verdict.ok) return { ...base, status: 'pass', message: check.messages.pass, ...path };
  const detail = verdict.detail !== undefined ? `: ${verdict.detail}` : '';
  return { ...base, status: 'fail', message: `${check.messages.fail}${detail}`, ...path };
}
