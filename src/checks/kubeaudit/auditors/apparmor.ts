import type { PathSegment } from '../../../kernel/index.js';
import type { ContainerRef, JsonObject, Resource } from '../../../k8s/index.js';
import { asObject, asString } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import { APPARMOR_ANNOTATION_MISSING, APPARMOR_ANNOTATION_ORPHANED, APPARMOR_PROFILE_INVALID } from '../checks.js';
import { describeOverride, findOverride } from '../overrides.js';
import type { PodRef } from '../pod.js';
import { podOf, securityContextOf } from '../pod.js';
import type { Issue } from '../result.js';
import { allowedResult, issueResult } from '../result.js';

const UNCONFINED = sharedCheck('apparmor-unconfined');
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const OVERRIDE_LABEL = 'allow-disabled-apparmor';

/** A container's AppArmor setting and where it is written. */
interface Profile {
  value: string;
  path: readonly PathSegment[];
}

/**
 * ref. kubeaudit apparmor auditor: every container has a profile, `runtime/default` or
 * `localhost/<name>`. Kubernetes 1.30 added `securityContext.appArmorProfile`; a container that
 * sets it there (or inherits it from the pod) is treated like one with the annotation.
 */
export const apparmor = {
  name: 'apparmor',
  checks: [UNCONFINED, APPARMOR_ANNOTATION_MISSING, APPARMOR_PROFILE_INVALID, APPARMOR_ANNOTATION_ORPHANED],
  audit(resource) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const out: CheckResult[] = [];
    for (const ref of pod.containers) {
      const result = auditContainer(resource, pod, ref);
      if (result !== undefined) out.push(result);
    }
    const names = new Set(pod.containers.map((c) => c.name));
    for (const [key, value] of Object.entries(pod.annotations)) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      const container = key.slice(ANNOTATION_PREFIX.length);
      if (names.has(container)) continue;
      out.push(issueResult({
        rule: 'AppArmorInvalidAnnotation', level: 'error', check: APPARMOR_ANNOTATION_ORPHANED, resource,
        path: [...pod.metadataPath, 'annotations', key], discriminator: container,
        message: `AppArmor annotation ${key}: ${value} names container ${container}, which the pod does not have.`,
      }));
    }
    return out;
  },
} satisfies Auditor;

function auditContainer(resource: Resource, pod: PodRef, ref: ContainerRef): CheckResult | undefined {
  const profile = profileOf(pod, ref);
  const base = { resource, container: ref.name, level: 'error' as const };
  if (profile === undefined) {
    const key = `${ANNOTATION_PREFIX}${ref.name}`;
    return issueResult({ ...base, rule: 'AppArmorAnnotationMissing', check: APPARMOR_ANNOTATION_MISSING, path: [...pod.metadataPath, 'annotations'], message: `Container ${ref.name} has no AppArmor profile; add the annotation ${key}: runtime/default.` });
  }
  if (profile.value === 'runtime/default' || profile.value.startsWith('localhost/')) return undefined;
  if (profile.value === 'unconfined') {
    // Only a disabled profile can be overridden, and an unused label is not reported (kubeaudit's behaviour).
    const issue: Issue = { ...base, rule: 'AppArmorDisabled', check: UNCONFINED, path: profile.path, message: `Container ${ref.name} runs with AppArmor disabled (unconfined).` };
    const hit = findOverride(pod.scope, OVERRIDE_LABEL, ref.name);
    return hit === undefined ? issueResult(issue) : allowedResult(issue, describeOverride(hit));
  }
  return issueResult({ ...base, rule: 'AppArmorBadValue', check: APPARMOR_PROFILE_INVALID, path: profile.path, message: `Container ${ref.name} has AppArmor profile "${profile.value}"; use runtime/default or localhost/<profile>.` });
}

/** The container's field, then the pod's field, then the annotation, in annotation notation. */
function profileOf(pod: PodRef, ref: ContainerRef): Profile | undefined {
  const fromField = (context: JsonObject | undefined, path: readonly PathSegment[]): Profile | undefined => {
    const field = asObject(context?.['appArmorProfile']);
    const type = asString(field?.['type']);
    if (field === undefined || type === undefined) return undefined;
    const at = [...path, 'appArmorProfile', 'type'];
    if (type === 'RuntimeDefault') return { value: 'runtime/default', path: at };
    if (type === 'Unconfined') return { value: 'unconfined', path: at };
    if (type === 'Localhost') return { value: `localhost/${asString(field['localhostProfile']) ?? ''}`, path: at };
    return { value: type, path: at };
  };
  const key = `${ANNOTATION_PREFIX}${ref.name}`;
  const annotation = pod.annotations[key];
  return (
    fromField(securityContextOf(ref), [...ref.path, 'securityContext']) ??
    fromField(pod.securityContext, [...pod.specPath, 'securityContext']) ??
    (annotation === undefined ? undefined : { value: annotation, path: [...pod.metadataPath, 'annotations', key] })
  );
}
