/**
 * Test harness for the auditor unit tests: runs one auditor over in-memory objects and returns
 * kubeaudit's native view. Kept out of the tests so each test file states only its cases.
 */
import type { JsonObject } from '../../k8s/index.js';
import { inMemoryResource } from '../../k8s/index.js';
import type { AuditorName } from './config.js';
import { AUDITOR_NAMES } from './config.js';
import type { KubeauditResult } from './view.js';
import { auditKubeaudit } from './view.js';

/** Runs one auditor; `auditors` is the family's per-auditor config. */
export function runAuditor(name: AuditorName, objects: readonly JsonObject[], auditors: JsonObject = {}): KubeauditResult[] {
  const enabledAuditors = Object.fromEntries(AUDITOR_NAMES.map((n) => [n, n === name]));
  return auditKubeaudit(objects.map((o) => inMemoryResource(o)), { enabledAuditors, auditors });
}

/** Sorted `rule@container` strings, the shape most assertions compare. */
export function ruleList(results: readonly KubeauditResult[]): string[] {
  return results.map((r) => (r.container === undefined ? r.rule : `${r.rule}@${r.container}`)).sort();
}

/** A Pod named `p` with the given spec and extra metadata. */
export function podObject(spec: JsonObject, metadata: JsonObject = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec };
}
