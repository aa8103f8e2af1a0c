import type { PathSegment } from '../../kernel/index.js';
import type { JsonObject, Resource } from '../../k8s/index.js';
import { asArray, asObject, isObject } from '../../k8s/index.js';
import type { ContainerSubject, Workload } from './types.js';

/**
 * Polaris finds the pod spec of any object, custom resources included, by walking down
 * `jobTemplate`, `spec` and `template` (first one present wins) until it meets a mapping with
 * `containers`. A resource with such a spec is a "controller" to Polaris, whatever its kind.
 * ref. FairwindsOps/polaris pkg/kube/resource.go (GetPodSpec).
 */
const DESCENT_KEYS = ['jobTemplate', 'spec', 'template'] as const;

export function workloadOf(resource: Resource): Workload | undefined {
  const found = locatePodSpec(resource.object, []);
  if (found === undefined) return undefined;
  const spec = decodePodSpec(found.spec);
  const last = found.path[found.path.length - 1];
  if (last === 'spec') {
    const templatePath = found.path.slice(0, -1);
    const parent = templatePath.length === 0 ? resource.object : asObject(lookup(resource.object, templatePath));
    if (parent !== undefined) {
      const template: JsonObject = { ...stripNulls(parent), spec };
      return { spec, specPath: found.path, template, templatePath };
    }
  }
  return { spec, specPath: found.path, template: { spec }, templatePath: found.path };
}

function locatePodSpec(value: unknown, path: PathSegment[]): { spec: JsonObject; path: PathSegment[] } | undefined {
  const object = asObject(value);
  if (object === undefined) return undefined;
  for (const key of DESCENT_KEYS) {
    if (object[key] !== undefined && object[key] !== null) return locatePodSpec(object[key], [...path, key]);
  }
  return Object.hasOwn(object, 'containers') ? { spec: object, path } : undefined;
}

function lookup(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) current = asObject(current)?.[String(segment)];
  return current;
}

/** Init containers first, then regular ones: the order Polaris reports them in. Ephemeral ones are not audited. */
export function containersOf(workload: Workload): ContainerSubject[] {
  const out: ContainerSubject[] = [];
  for (const [field, isInit] of [['initContainers', true], ['containers', false]] as const) {
    asArray(workload.spec[field]).forEach((item, index) => {
      const value = asObject(item);
      if (value === undefined) return;
      const declaredName = typeof value['name'] === 'string' ? value['name'] : undefined;
      out.push({ value, name: declaredName ?? `${field}[${index}]`, declaredName, path: [...workload.specPath, field, index], isInit });
    });
  }
  return out;
}

/**
 * Polaris decodes pod specs into the typed Kubernetes structs before checking them, so a null field
 * is the same as a missing one and resource quantities are strings (`cpu: 1.5` becomes "1.5").
 * We copy that here so checks and custom schemas see what Polaris sees.
 */
export function decodePodSpec(spec: JsonObject): JsonObject {
  const out = stripNulls(spec);
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const container of asArray(out[field])) {
      if (isObject(container)) quantitiesToStrings(asObject(container['resources']));
    }
  }
  const podContext = asObject(out['securityContext']);
  if (podContext !== undefined) out['securityContext'] = knownPodSecurityFields(podContext);
  quantitiesToStrings(asObject(out['resources']));
  const overhead = asObject(out['overhead']);
  if (overhead !== undefined) out['overhead'] = numbersToStrings(overhead);
  return out;
}

/**
 * Fields of PodSecurityContext. Container-only settings written at pod level (`privileged`,
 * `readOnlyRootFilesystem`, `allowPrivilegeEscalation`) are dropped by the typed decoding, so they
 * never count. ref. k8s.io/api/core/v1 PodSecurityContext
 */
const POD_SECURITY_FIELDS = new Set([
  'seLinuxOptions', 'windowsOptions', 'runAsUser', 'runAsGroup', 'runAsNonRoot', 'supplementalGroups',
  'supplementalGroupsPolicy', 'fsGroup', 'sysctls', 'fsGroupChangePolicy', 'seccompProfile', 'appArmorProfile',
  'seLinuxChangePolicy',
]);

function knownPodSecurityFields(context: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(context).filter(([key]) => POD_SECURITY_FIELDS.has(key)));
}

function quantitiesToStrings(resources: JsonObject | undefined): void {
  if (resources === undefined) return;
  for (const key of ['limits', 'requests']) {
    const map = asObject(resources[key]);
    if (map !== undefined) resources[key] = numbersToStrings(map);
  }
}

function numbersToStrings(map: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(map)) out[k] = typeof v === 'number' ? String(v) : v;
  return out;
}

/** Deep copy without null-valued keys. Arrays keep their length (a null item stays null). */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => stripNulls(item)) as T;
  // Only plain mappings: YAML timestamps decode to Date objects, which must stay as they are.
  if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) out[k] = stripNulls(v);
  }
  return out as T;
}
