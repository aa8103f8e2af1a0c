import type { ContainerRef, Resource } from '../../../k8s/index.js';
import { asArray, asObject } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import type { OverrideHit } from '../overrides.js';
import { describeOverride, findOverride, pushOverridden } from '../overrides.js';
import type { PodRef } from '../pod.js';
import { podOf, securityContextOf } from '../pod.js';
import type { Issue } from '../result.js';
import { allowedResult, issueResult } from '../result.js';

const ADDED = sharedCheck('capabilities-added');
const NOT_DROPPED = sharedCheck('capabilities-not-dropped');

/** ref. kubeaudit capabilities auditor: drop ALL, add nothing beyond the allow list. */
export const capabilities = {
  name: 'capabilities',
  checks: [ADDED, NOT_DROPPED],
  audit(resource, context) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const out: CheckResult[] = [];
    for (const ref of pod.containers) auditContainer(out, resource, pod, ref, context.settings.allowAddList);
    return out;
  },
} satisfies Auditor;

function auditContainer(out: CheckResult[], resource: Resource, pod: PodRef, ref: ContainerRef, allowAddList: readonly string[]): void {
  const contextPath = [...ref.path, 'securityContext'];
  const caps = asObject(securityContextOf(ref)?.['capabilities']);
  const base = { resource, container: ref.name, check: NOT_DROPPED, level: 'error' as const };
  if (caps === undefined) {
    out.push(issueResult({ ...base, rule: 'CapabilityOrSecurityContextMissing', path: contextPath, message: `Container ${ref.name} has no securityContext.capabilities, so it keeps the runtime's default capabilities.` }));
    // kubeaudit treats a container without capabilities as if it asked for ALL: an `allow-capability-all` label is redundant there.
    pushOverridden(out, undefined, pod.scope, overrideLabelOf('ALL'), ref.name);
    return;
  }
  const drop = asArray(caps['drop']).filter((c): c is string => typeof c === 'string');
  if (!drop.some((c) => c.toUpperCase() === 'ALL')) {
    out.push(issueResult({ ...base, rule: 'CapabilityShouldDropAll', path: [...contextPath, 'capabilities', 'drop'], message: `Container ${ref.name} does not drop ALL capabilities.` }));
  }
  auditAdded(out, resource, pod, ref, caps['add'], allowAddList);
}

/**
 * Added capabilities, each with its own override label. Bosun reports the shared check once per
 * container: one failing result for the capabilities nobody allowed and one skipped result for
 * those an override label allows.
 */
function auditAdded(out: CheckResult[], resource: Resource, pod: PodRef, ref: ContainerRef, add: unknown, allowAddList: readonly string[]): void {
  const added = asArray(add);
  const failing: string[] = [];
  const allowed: Array<{ capability: string; hit: OverrideHit }> = [];
  let firstFailingIndex: number | undefined;
  for (const capability of uniqueCapabilities(added)) {
    const label = overrideLabelOf(capability);
    if (allowAddList.includes(capability)) {
      pushOverridden(out, undefined, pod.scope, label, ref.name);
      continue;
    }
    const hit = findOverride(pod.scope, label, ref.name);
    if (hit !== undefined) {
      allowed.push({ capability, hit });
      continue;
    }
    failing.push(capability);
    const index = added.findIndex((c) => typeof c === 'string' && normalize(c) === capability);
    if (firstFailingIndex === undefined || index < firstFailingIndex) firstFailingIndex = index;
  }
  const addPath = [...ref.path, 'securityContext', 'capabilities', 'add'];
  const base = { resource, container: ref.name, check: ADDED, level: 'error' as const, rule: 'CapabilityAdded' };
  if (failing.length > 0) {
    const issue: Issue = { ...base, path: [...addPath, firstFailingIndex ?? 0], message: `Container ${ref.name} adds ${list(failing)}; drop ${failing.length === 1 ? 'it' : 'them'} from capabilities.add or allow each with an override label.` };
    out.push(issueResult(issue));
  }
  if (allowed.length > 0) {
    const issue: Issue = { ...base, path: addPath, message: `Container ${ref.name} adds ${list(allowed.map((a) => a.capability))}, allowed by override labels.` };
    out.push(allowedResult(issue, allowed.map((a) => `${a.capability} ${describeOverride(a.hit)}`).join('; ')));
  }
}

/** Distinct added capabilities, sorted; `all` and `ALL` are the same capability set. */
function uniqueCapabilities(added: readonly unknown[]): string[] {
  const names = new Set(added.filter((c): c is string => typeof c === 'string').map(normalize));
  return [...names].sort();
}

function normalize(capability: string): string {
  return capability.toUpperCase() === 'ALL' ? 'ALL' : capability;
}

/** `allow-capability-sys-time` for SYS_TIME. */
function overrideLabelOf(capability: string): string {
  return `allow-capability-${capability.toLowerCase().replaceAll('_', '-')}`;
}

function list(capabilities: readonly string[]): string {
  return capabilities.length === 1 ? `capability ${capabilities[0]}` : `capabilities ${capabilities.join(', ')}`;
}
