import type { PathSegment } from '../../../kernel/index.js';
import { asArray, asObject, asString, getPath, isObject, podTemplateOf } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import { describeProblems, evaluatePodSecurity, PSS_CHECKS } from '../../../pod-security/index.js';
import type { PodSecurityVerdict, PssCheckId, PssProblem, PssViolation } from '../../../pod-security/index.js';
import { wildcardMatch } from '../../conditions/index.js';
import type { HandlerOutcome } from './validate.js';

/**
 * Controls whose fields all live in containers: an exclusion must name the images it exempts.
 * ref. kyverno.io/docs "Validate Rules" > "Pod Security" (exclude), Kyverno api/kyverno/v1 PodSecurityStandard.Validate
 */
export const CONTAINER_LEVEL_CONTROLS: readonly string[] = ['Capabilities', 'Privileged Containers', 'Host Ports', '/proc Mount Type', 'Privilege Escalation'];

/** Controls whose fields all live at pod level (spec or metadata): an exclusion must not name images. */
export const POD_LEVEL_CONTROLS: readonly string[] = ['Host Namespaces', 'HostPath Volumes', 'Sysctls', 'AppArmor', 'Volume Types'];

/** Every control name an exclusion may use, with the levels whose checks it covers. */
export const CONTROL_LEVELS: ReadonlyMap<string, ReadonlySet<string>> = controlLevels();

function controlLevels(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const check of PSS_CHECKS) {
    const levels = map.get(check.control) ?? new Set<string>();
    levels.add(check.level);
    map.set(check.control, levels);
  }
  return map;
}

/** One `validate.podSecurity.exclude` entry, as checked at load time. */
export interface PodSecurityExclusion {
  controlName: string;
  /** Image globs (`*`, `?`) of the containers exempted; none means pod-level fields. */
  images: readonly string[];
  /** Kyverno field path such as `spec.containers[*].securityContext.capabilities.add`. */
  restrictedField?: string;
  /** Values of `restrictedField` that are exempted. */
  values: readonly string[];
}

const CONTROL_OF = new Map<PssCheckId, string>(PSS_CHECKS.map((c) => [c.id, c.control]));

/**
 * Runs `validate.podSecurity`: the Pod Security Standards at a level and version over a Pod or a
 * pod controller's template (autogen copies the block unchanged), minus the violations that
 * `exclude` entries exempt. `privileged` enforces nothing.
 * ref. kyverno.io/docs "Validate Rules" > "Pod Security"
 */
export function runPodSecurity(ruleName: string, block: JsonObject, object: unknown): HandlerOutcome {
  const level = asString(block['level']) ?? '';
  const version = asString(block['version']) ?? 'latest';
  if (level === 'privileged') return passed(ruleName);
  if (level !== 'baseline' && level !== 'restricted') return { status: 'error', message: `rule ${ruleName}: podSecurity.level must be privileged, baseline or restricted` };
  const pod = podOf(object);
  if (pod === undefined) return { status: 'skip', message: `rule ${ruleName} skipped: resource has no pod spec` };
  let verdict: PodSecurityVerdict;
  try {
    verdict = evaluatePodSecurity(pod, level, version);
  } catch (cause) {
    return { status: 'error', message: `rule ${ruleName}: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
  const exclusions = asArray(block['exclude']).flatMap((raw) => {
    const parsed = parseExclusion(raw);
    return parsed === undefined ? [] : [parsed];
  });
  const remaining = verdict.violations.flatMap((v) => withoutExempted(v, exclusions, pod));
  if (remaining.length === 0) return passed(ruleName);
  const reasons = remaining.map((v) => `${v.forbiddenReason} (${v.detail})`).join('; ');
  return { status: 'fail', message: `validation error: rule ${ruleName} failed: violates PodSecurity "${level}:${version}": ${reasons}` };
}

function passed(ruleName: string): HandlerOutcome {
  return { status: 'pass', message: `validation rule '${ruleName}' passed.` };
}

interface PodInput {
  spec: JsonObject;
  metadata: JsonObject;
  /** Container name -> image, for image-scoped exclusions. */
  images: ReadonlyMap<string, string>;
}

/**
 * The pod spec to judge. Paths stay pod-relative (`spec.containers[0]...`) for controllers too,
 * because exclusion fields are written against the Pod layout.
 */
function podOf(object: unknown): PodInput | undefined {
  const resource = asObject(object);
  if (resource === undefined) return undefined;
  const kind = asString(resource['kind']) ?? '';
  let spec: JsonObject | undefined;
  let metadata: JsonObject;
  if (kind === 'Pod') {
    spec = asObject(resource['spec']);
    metadata = asObject(resource['metadata']) ?? {};
  } else {
    const template = podTemplateOf({ kind, object: resource });
    spec = template?.spec;
    metadata = template?.metadata ?? {};
  }
  if (spec === undefined) return undefined;
  const images = new Map<string, string>();
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of asArray(spec[list])) {
      const name = asString(asObject(c)?.['name']);
      if (name !== undefined) images.set(name, asString(asObject(c)?.['image']) ?? '');
    }
  }
  return { spec, metadata, images };
}

function parseExclusion(raw: unknown): PodSecurityExclusion | undefined {
  const entry = asObject(raw);
  const controlName = asString(entry?.['controlName']);
  if (entry === undefined || controlName === undefined) return undefined;
  const restrictedField = asString(entry['restrictedField']);
  return {
    controlName,
    images: asArray(entry['images']).map(String),
    ...(restrictedField !== undefined && restrictedField !== '' ? { restrictedField } : {}),
    values: asArray(entry['values']).map(String),
  };
}

/** The violation with its exempted problems removed; nothing when all of them are exempted. */
function withoutExempted(violation: PssViolation, exclusions: readonly PodSecurityExclusion[], pod: PodInput): PssViolation[] {
  const control = CONTROL_OF.get(violation.checkId);
  const applicable = exclusions.filter((e) => e.controlName === control);
  if (applicable.length === 0) return [violation];
  const problems = violation.problems.filter((p) => !applicable.some((e) => exempts(e, p, pod)));
  if (problems.length === 0) return [];
  if (problems.length === violation.problems.length) return [violation];
  return [{ ...violation, problems, detail: describeProblems(problems) }];
}

/**
 * An entry without images exempts pod-level faults; one with images exempts faults of containers
 * whose image matches. A fault that either level may fix (`pod-or-container`) is exempted by both.
 * With `restrictedField`, only faults at that field whose values are all listed are exempted.
 */
export function exempts(exclusion: PodSecurityExclusion, problem: PssProblem, pod: Pick<PodInput, 'images' | 'spec' | 'metadata'>): boolean {
  const podLevel = problem.container === undefined || problem.subject === 'pod-or-container' || problem.subject === 'pod';
  if (exclusion.images.length === 0) {
    if (!podLevel) return false;
  } else {
    const image = problem.container === undefined ? undefined : pod.images.get(problem.container);
    if (image === undefined || !exclusion.images.some((glob) => wildcardMatch(glob, image))) return false;
  }
  if (exclusion.restrictedField === undefined) return true;
  const offending = offendingValues(exclusion.restrictedField, problem, { spec: pod.spec, metadata: pod.metadata });
  return offending !== undefined && offending.length > 0 && offending.every((v) => exclusion.values.includes(v));
}

/**
 * Values at fault when the problem is about `field`, else undefined. The problem path is rendered
 * the Kyverno way (`spec.containers[*].ports[*].hostPort`); a field may name the path itself, the
 * list the path points into, an enclosing mapping (`metadata.annotations`) or a member of the
 * object at the path (`spec.securityContext.sysctls[*].name`).
 */
function offendingValues(field: string, problem: PssProblem, root: JsonObject): string[] | undefined {
  const rendered = renderPath(problem.path);
  const value = getPath(root, [...problem.path]);
  if (rendered === field || rendered.startsWith(`${field}.`)) return valuesOf(value);
  if (rendered === `${field}[*]`) return problem.values !== undefined ? [...problem.values] : valuesOf(value);
  if (field.startsWith(`${rendered}.`)) {
    const rest = field.slice(rendered.length + 1).split('.');
    return valuesOf(isObject(value) ? getPath(value, rest) : undefined);
  }
  return undefined;
}

function valuesOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

/** `['spec', 'containers', 0, 'ports', 1, 'hostPort']` -> `spec.containers[*].ports[*].hostPort`. */
export function renderPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += '[*]';
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
