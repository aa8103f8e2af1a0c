import type { JsonObject } from '../../k8s/index.js';
import { getPath } from '../../k8s/index.js';
import { containerContextPath, containerSecurityContext, isSet, podContextPath, scalarText } from '../pod.js';
import type { PodView } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const ALLOWED_TYPES = '"RuntimeDefault" or "Localhost"';

/** ref. PSS baseline: Seccomp (annotations, before 1.19). Present but empty is not allowed. */
function allowedAnnotation(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

/**
 * `seccompProfile.type` when a profile is set, else undefined. A profile without a type reads as
 * the empty type, which is not an allowed one.
 */
function profileType(context: JsonObject | undefined): string | undefined {
  if (!isSet(context?.['seccompProfile'])) return undefined;
  return scalarText(getPath(context, ['seccompProfile', 'type']) ?? '');
}

function allowedType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

/** 1.0–1.18: the alpha annotations, for the pod and for each container by name. */
function baselineAnnotations(pod: PodView): PssProblem[] {
  const problems: PssProblem[] = [];
  const podValue = pod.annotations[POD_ANNOTATION];
  if (podValue !== undefined && !allowedAnnotation(podValue)) {
    problems.push({
      facet: 'seccomp-unconfined',
      subject: 'other',
      issue: `annotation ${POD_ANNOTATION}=${JSON.stringify(podValue)} is not allowed`,
      path: [...pod.metadataPath, 'annotations', POD_ANNOTATION],
    });
  }
  for (const ref of pod.containers) {
    const key = CONTAINER_ANNOTATION_PREFIX + ref.name;
    const value = pod.annotations[key];
    if (value === undefined || allowedAnnotation(value)) continue;
    problems.push({
      facet: 'seccomp-unconfined',
      subject: 'other',
      container: ref.name,
      issue: `annotation ${key}=${JSON.stringify(value)} is not allowed`,
      path: [...pod.metadataPath, 'annotations', key],
    });
  }
  return problems;
}

/** Unconfined is its own fact (seccomp off); any other bad type leaves the profile effectively unset. */
function facetOf(type: string): PssProblem['facet'] {
  return type === 'Unconfined' ? 'seccomp-unconfined' : 'seccomp-profile-missing';
}

/** Pod and containers that set a type other than RuntimeDefault or Localhost. */
function explicitlyForbidden(pod: PodView, facet: (type: string) => PssProblem['facet']): PssProblem[] {
  const problems: PssProblem[] = [];
  const podType = profileType(pod.securityContext);
  if (podType !== undefined && !allowedType(podType)) {
    problems.push({
      facet: facet(podType),
      subject: 'pod',
      issue: `must not set securityContext.seccompProfile.type to ${JSON.stringify(podType)}`,
      path: podContextPath(pod, 'seccompProfile', 'type'),
    });
  }
  for (const ref of pod.containers) {
    const type = profileType(containerSecurityContext(ref));
    if (type === undefined || allowedType(type)) continue;
    problems.push({
      facet: facet(type),
      subject: 'container',
      container: ref.name,
      issue: `must not set securityContext.seccompProfile.type to ${JSON.stringify(type)}`,
      path: containerContextPath(ref, 'seccompProfile', 'type'),
    });
  }
  return problems;
}

/** 1.19+: a set type must be RuntimeDefault or Localhost; unset is fine at baseline. */
function baselineFields(pod: PodView): PssProblem[] {
  return explicitlyForbidden(pod, () => 'seccomp-unconfined');
}

/**
 * Restricted: besides no forbidden type anywhere, every container must end up with an allowed
 * profile, its own or the pod's.
 */
function restrictedFields(pod: PodView): PssProblem[] {
  const problems = explicitlyForbidden(pod, facetOf);
  const podType = profileType(pod.securityContext);
  const podCovers = podType !== undefined && allowedType(podType);
  if (podCovers) return problems;
  for (const ref of pod.containers) {
    if (profileType(containerSecurityContext(ref)) !== undefined) continue;
    problems.push({
      facet: 'seccomp-profile-missing',
      subject: 'pod-or-container',
      container: ref.name,
      issue: `must set securityContext.seccompProfile.type to ${ALLOWED_TYPES}`,
      path: containerContextPath(ref, 'seccompProfile', 'type'),
    });
  }
  return problems;
}

/** ref. PSS baseline: Seccomp — the profile must not be Unconfined. */
export const seccompProfileBaseline: PssCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  control: 'Seccomp',
  forbiddenReason: 'seccompProfile',
  facets: ['seccomp-unconfined'],
  versions: [
    { since: 0, evaluate: baselineAnnotations },
    { since: 19, evaluate: baselineFields },
  ],
};

/**
 * ref. PSS restricted: Seccomp — RuntimeDefault or Localhost must be set, at pod level or on every
 * container. Replaces the baseline check from 1.19; from 1.25 Windows pods are exempt.
 */
export const seccompProfileRestricted: PssCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  control: 'Seccomp',
  forbiddenReason: 'seccompProfile',
  facets: ['seccomp-profile-missing', 'seccomp-unconfined'],
  versions: [
    { since: 19, overrides: ['seccompProfile_baseline'], evaluate: restrictedFields },
    { since: 25, overrides: ['seccompProfile_baseline'], evaluate: (pod) => (pod.windows ? [] : restrictedFields(pod)) },
  ],
};
