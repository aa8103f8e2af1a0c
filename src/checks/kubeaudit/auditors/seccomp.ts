import type { JsonObject } from '../../../k8s/index.js';
import { asObject } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import { SECCOMP_ANNOTATION_DEPRECATED } from '../checks.js';
import { podOf, securityContextOf } from '../pod.js';
import { issueResult } from '../result.js';

const UNCONFINED = sharedCheck('seccomp-unconfined');
const MISSING = sharedCheck('seccomp-profile-missing');

/** The annotations seccompProfile replaced (they stopped applying in Kubernetes 1.27). */
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** A seccompProfile, or undefined when the securityContext does not set one. */
function profileOf(context: JsonObject | undefined): JsonObject | undefined {
  const value = context?.['seccompProfile'];
  if (value === undefined || value === null) return undefined;
  return asObject(value) ?? {};
}

/** RuntimeDefault and Localhost confine; Unconfined, an empty or an unknown type do not. */
function confines(profile: JsonObject): boolean {
  return profile['type'] === 'RuntimeDefault' || profile['type'] === 'Localhost';
}

function typeText(profile: JsonObject): string {
  return typeof profile['type'] === 'string' && profile['type'] !== '' ? profile['type'] : '(no type)';
}

/**
 * ref. kubeaudit seccomp auditor: a pod-level profile (or one on every container) that confines,
 * and no container opting out. kubeaudit has no override label for seccomp.
 */
export const seccomp = {
  name: 'seccomp',
  checks: [UNCONFINED, MISSING, SECCOMP_ANNOTATION_DEPRECATED],
  audit(resource) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const out: CheckResult[] = [];
    const podContextPath = [...pod.specPath, 'securityContext'];
    const podProfile = profileOf(pod.securityContext);
    const containerProfiles = pod.containers.map((ref) => ({ ref, profile: profileOf(securityContextOf(ref)) }));
    if (podProfile === undefined && containerProfiles.every((c) => c.profile === undefined)) {
      // Only a manifest can get here with annotations: the API server copies them into seccompProfile.
      const keys = Object.keys(pod.annotations).filter((k) => k === POD_ANNOTATION || k.startsWith(CONTAINER_ANNOTATION_PREFIX));
      if (keys.length > 0) {
        out.push(issueResult({
          rule: 'SeccompDeprecatedAnnotations', level: 'warning', check: SECCOMP_ANNOTATION_DEPRECATED, resource,
          path: [...pod.metadataPath, 'annotations', keys[0] ?? POD_ANNOTATION],
          message: `The pod sets seccomp through deprecated annotations (${keys.sort().join(', ')}), which no longer apply; use securityContext.seccompProfile.`,
        }));
      }
    }
    if (podProfile === undefined) {
      const allConfined = containerProfiles.every((c) => c.profile !== undefined && confines(c.profile));
      if (!allConfined) {
        out.push(issueResult({ rule: 'SeccompProfileMissing', level: 'error', check: MISSING, resource, path: podContextPath, message: 'The pod sets no seccomp profile in its securityContext, and not every container sets one.' }));
      }
    } else if (!confines(podProfile)) {
      out.push(issueResult({ rule: 'SeccompDisabledPod', level: 'error', check: UNCONFINED, resource, path: [...podContextPath, 'seccompProfile', 'type'], message: `The pod's seccomp profile type is ${typeText(podProfile)}, which disables seccomp.` }));
    }
    for (const { ref, profile } of containerProfiles) {
      if (profile === undefined || confines(profile)) continue;
      out.push(issueResult({
        rule: 'SeccompDisabledContainer', level: 'error', check: UNCONFINED, resource, container: ref.name,
        path: [...ref.path, 'securityContext', 'seccompProfile', 'type'],
        message: `Container ${ref.name} sets seccomp profile type ${typeText(profile)}, which disables seccomp.`,
      }));
    }
    return out;
  },
} satisfies Auditor;
