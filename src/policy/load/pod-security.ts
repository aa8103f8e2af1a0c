import type { PathSegment } from '../../kernel/index.js';
import { asObject, isObject } from '../../k8s/index.js';
import { parsePssVersion } from '../../pod-security/index.js';
import { CONTAINER_LEVEL_CONTROLS, CONTROL_LEVELS, POD_LEVEL_CONTROLS } from '../handlers/validate/index.js';

type Add = (path: PathSegment[], reason: string) => void;

const LEVELS = ['privileged', 'baseline', 'restricted'];
const BLOCK_FIELDS = new Set(['level', 'version', 'exclude']);
const EXCLUDE_FIELDS = new Set(['controlName', 'images', 'restrictedField', 'values']);

/**
 * Checks a `validate.podSecurity` block the way Kyverno's webhook does: a known level, a version
 * of `latest` or `v1.N`, and exclusions naming a known control, scoped to images exactly when the
 * control lives in containers, with `restrictedField` and `values` given together.
 * ref. kyverno.io/docs "Validate Rules" > "Pod Security"; Kyverno api/kyverno/v1 PodSecurityStandard.Validate
 */
export function checkPodSecurity(block: unknown, path: PathSegment[], add: Add): void {
  if (block === undefined) return;
  const spec = asObject(block);
  if (spec === undefined) {
    add(path, 'podSecurity must be a mapping with level, version and exclude');
    return;
  }
  for (const key of Object.keys(spec)) {
    if (!BLOCK_FIELDS.has(key)) add([...path, key], `unknown field "${key}" in podSecurity (expected level, version, exclude)`);
  }
  const level = spec['level'];
  if (typeof level !== 'string' || !LEVELS.includes(level)) {
    add([...path, 'level'], `podSecurity.level must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(level ?? null)})`);
  }
  const version = spec['version'];
  if (version !== undefined) {
    if (typeof version !== 'string') add([...path, 'version'], 'podSecurity.version must be a string: "latest" or "v1.N"');
    else {
      try {
        parsePssVersion(version);
      } catch {
        add([...path, 'version'], `podSecurity.version must be "latest" or "v1.N", e.g. v1.29 (got "${version}")`);
      }
    }
  }
  const exclude = spec['exclude'];
  if (exclude === undefined) return;
  if (!Array.isArray(exclude)) {
    add([...path, 'exclude'], 'podSecurity.exclude must be a list');
    return;
  }
  exclude.forEach((raw, i) => checkExclusion(raw, [...path, 'exclude', i], typeof level === 'string' ? level : '', add));
}

function checkExclusion(raw: unknown, path: PathSegment[], level: string, add: Add): void {
  if (!isObject(raw)) {
    add(path, 'exclude entry must be a mapping with controlName');
    return;
  }
  for (const key of Object.keys(raw)) {
    if (!EXCLUDE_FIELDS.has(key)) add([...path, key], `unknown field "${key}" in exclude entry (expected controlName, images, restrictedField, values)`);
  }
  const control = raw['controlName'];
  const images = raw['images'];
  const imageCount = Array.isArray(images) ? images.length : 0;
  if (images !== undefined && !isStringList(images)) add([...path, 'images'], 'exclude.images must be a list of image patterns');
  if (raw['values'] !== undefined && !isStringList(raw['values'])) add([...path, 'values'], 'exclude.values must be a list of strings');
  if (raw['restrictedField'] !== undefined && typeof raw['restrictedField'] !== 'string') add([...path, 'restrictedField'], 'exclude.restrictedField must be a string');
  const hasField = typeof raw['restrictedField'] === 'string' && raw['restrictedField'] !== '';
  const hasValues = Array.isArray(raw['values']) && raw['values'].length > 0;
  if (hasField && !hasValues) add([...path, 'values'], 'exclude.values is required with restrictedField');
  if (!hasField && hasValues) add([...path, 'restrictedField'], 'exclude.restrictedField is required with values');
  if (typeof control !== 'string' || control === '') {
    add([...path, 'controlName'], 'exclude entry has no controlName');
    return;
  }
  const levels = CONTROL_LEVELS.get(control);
  if (levels === undefined) {
    add([...path, 'controlName'], `unknown Pod Security Standards control "${control}" (known: ${[...CONTROL_LEVELS.keys()].join(', ')})`);
    return;
  }
  if (CONTAINER_LEVEL_CONTROLS.includes(control) && imageCount === 0) {
    add([...path, 'images'], `control "${control}" is container-level: exclude.images must name the images exempted`);
  }
  if (POD_LEVEL_CONTROLS.includes(control) && imageCount > 0) {
    add([...path, 'images'], `control "${control}" is pod-level: exclude.images must not be set`);
  }
  if (level === 'baseline' && !levels.has('baseline')) {
    add([...path, 'controlName'], `control "${control}" belongs to the restricted level, which a baseline rule does not check`);
  }
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
