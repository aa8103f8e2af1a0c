import type { RuleStatus, Severity } from '../../findings/index.js';
import type { Diagnostic } from '../../kernel/index.js';

/**
 * The Kubernetes object a rule result is about. `namespace` is undefined only for cluster-scoped
 * objects (the policy loader puts namespaced objects without one in `default`).
 */
export interface PolicyResultResource {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  /** `metadata.uid` when the manifest has one (objects exported from a cluster). */
  uid: string | undefined;
}

/** Where the resource's document starts in the file it was read from. Lines and columns are 1-based. */
export interface PolicyResultLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * One policy engine rule result plus what the policy-result writers need beside it: the policy
 * annotations and the resource's origin. Built by the caller, so this module does not depend on the
 * policy engine.
 */
export interface PolicyResultRecord {
  /** `name` for a ClusterPolicy, `namespace/name` for a namespaced Policy (as Kyverno reports it). */
  policy: string;
  rule: string;
  status: RuleStatus;
  message: string;
  resource: PolicyResultResource;
  /** From `policies.kyverno.io/severity`, when it holds a known severity. */
  severity: Severity | undefined;
  /** From `policies.kyverno.io/category`. */
  category: string | undefined;
  /** False when the policy says `policies.kyverno.io/scored: "false"`. @default true */
  scored: boolean;
  /** From `policies.kyverno.io/title`, for SARIF rule names. */
  title: string | undefined;
  /** From `policies.kyverno.io/description`, for SARIF rule help. */
  description: string | undefined;
  location: PolicyResultLocation | undefined;
}

/** Everything a policy-result writer needs about one `bosun policy apply` run. */
export interface PolicyResultsRun {
  results: readonly PolicyResultRecord[];
  /** From the injected clock; every report result carries it as its timestamp. */
  generatedAt: Date;
  tool: { version: string; informationUri: string };
  /** Inputs that could not be loaded (policies, resources, values). */
  diagnostics: readonly Diagnostic[];
}

/** One output format for policy results. Plain object, registered in registry.ts. */
export interface PolicyResultWriter {
  id: string;
  description: string;
  write(run: PolicyResultsRun): string;
}
