import { getPath } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import { containerContextPath, containerSecurityContext, isSet, podContextPath, scalarText } from '../pod.js';
import type { PodView } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** Deprecated per-container annotation, still honoured by PSA. */
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** ref. PSS baseline: AppArmor — annotation may be empty, runtime/default or localhost/<profile>. */
function allowedAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

/** ref. PSS baseline: AppArmor — a set appArmorProfile must be RuntimeDefault or Localhost (not Unconfined). */
function forbiddenType(context: JsonObject | undefined): string | undefined {
  if (!isSet(context?.['appArmorProfile'])) return undefined;
  const type = getPath(context, ['appArmorProfile', 'type']);
  return type === 'RuntimeDefault' || type === 'Localhost' ? undefined : scalarText(type ?? '');
}

function evaluate(pod: PodView): PssProblem[] {
  const problems: PssProblem[] = [];
  const podType = forbiddenType(pod.securityContext);
  if (podType !== undefined) {
    problems.push({
      facet: 'apparmor-unconfined',
      subject: 'pod',
      issue: `must not set securityContext.appArmorProfile.type to ${JSON.stringify(podType)}`,
      path: podContextPath(pod, 'appArmorProfile', 'type'),
    });
  }
  for (const ref of pod.containers) {
    const type = forbiddenType(containerSecurityContext(ref));
    if (type === undefined) continue;
    problems.push({
      facet: 'apparmor-unconfined',
      subject: 'container',
      container: ref.name,
      issue: `must not set securityContext.appArmorProfile.type to ${JSON.stringify(type)}`,
      path: containerContextPath(ref, 'appArmorProfile', 'type'),
    });
  }
  // Every annotation with the prefix counts, whether or not it names an existing container.
  const names = new Set(pod.containers.map((ref) => ref.name));
  for (const key of Object.keys(pod.annotations).sort()) {
    const value = pod.annotations[key] ?? '';
    if (!key.startsWith(ANNOTATION_PREFIX) || allowedAnnotation(value)) continue;
    const container = key.slice(ANNOTATION_PREFIX.length);
    problems.push({
      facet: 'apparmor-unconfined',
      subject: 'other',
      ...(names.has(container) ? { container } : {}),
      issue: `annotation ${key}=${JSON.stringify(value)} is not allowed`,
      path: [...pod.metadataPath, 'annotations', key],
    });
  }
  return problems;
}

/** ref. PSS baseline: AppArmor — no profile that disables or overrides the runtime default. */
export const appArmorProfile: PssCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  control: 'AppArmor',
  forbiddenReason: 'forbidden AppArmor profile',
  forbiddenReasonPlural: 'forbidden AppArmor profiles',
  facets: ['apparmor-unconfined'],
  versions: [{ since: 0, evaluate }],
};
