import type { Resource } from '../../k8s/index.js';
import { createResourceIndex } from '../resource-index.js';
import type { AuditOptions, CheckResult } from '../types.js';
import { deprecationMetadata } from './deprecations.js';
import { kubeauditFamily } from './family.js';
import type { Level } from './result.js';
import { COMPATIBLE_PREFIX, levelOf } from './result.js';

/** One result as kubeaudit would print it. */
export interface KubeauditResult {
  /** kubeaudit's result name (`Rule`), e.g. `PrivilegedTrueAllowed`. */
  rule: string;
  severity: Level;
  message: string;
  /** kubeaudit's metadata where it can be restated: the container, and the deprecation fields. */
  metadata: Record<string, string>;
  resource: Resource;
  container?: string;
}

/**
 * kubeaudit's view of Bosun results: every result of this family, named by its compatible id.
 * Where Bosun splits one kubeaudit result into two facts (LimitsNotSet is a CPU and a memory
 * finding), the copies fold back into one.
 */
export function kubeauditResults(results: readonly CheckResult[]): KubeauditResult[] {
  const out: KubeauditResult[] = [];
  const seen = new Set<string>();
  const resourceIds = new Map<Resource, number>();
  for (const result of results) {
    if (!result.compatibleId.startsWith(COMPATIBLE_PREFIX)) continue;
    const rule = result.compatibleId.slice(COMPATIBLE_PREFIX.length);
    if (!resourceIds.has(result.resource)) resourceIds.set(result.resource, resourceIds.size);
    const key = [resourceIds.get(result.resource), rule, result.container ?? '', result.discriminator ?? '', result.message].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const metadata: Record<string, string> = {
      ...(result.container !== undefined ? { Container: result.container } : {}),
      ...(rule === 'DeprecatedAPIUsed' ? deprecationMetadata(result.message) : {}),
    };
    out.push({
      rule,
      severity: levelOf(result.severity ?? 'medium'),
      message: result.message,
      metadata,
      resource: result.resource,
      ...(result.container !== undefined ? { container: result.container } : {}),
    });
  }
  return out;
}

/** Runs the family alone over resources, as `kubeaudit all -f` would, and returns its native view. */
export function auditKubeaudit(resources: readonly Resource[], config: unknown = {}): KubeauditResult[] {
  const options: AuditOptions = { pssLevel: 'restricted', pssVersion: 'latest', families: { kubeaudit: config } };
  const results = kubeauditFamily.run({ resources, index: createResourceIndex(resources), options });
  return kubeauditResults(results);
}

/** The distinct result names, the set kubeaudit's own tests compare. */
export function kubeauditRuleNames(results: readonly KubeauditResult[]): Set<string> {
  return new Set(results.map((r) => r.rule));
}
