import type { PathSegment } from '../../kernel/index.js';
import type { JsonObject, Resource } from '../../k8s/index.js';
import type { ResourceIndex } from '../resource-index.js';
import type { CheckInfo } from '../types.js';

/** Polaris severities: `ignore` turns a check off. */
export type PolarisSeverity = 'ignore' | 'warning' | 'danger';

/**
 * What a check looks at, after Polaris's `target` field. `kind` targets name one resource kind
 * (`rbac.authorization.k8s.io/ClusterRole`, `/ConfigMap`, `Pod`); the others need a pod spec.
 */
export type CheckTarget =
  | { level: 'container' }
  | { level: 'pod-spec' }
  | { level: 'pod-template' }
  | { level: 'controller' }
  | { level: 'kind'; kind: string };

/** The pod part of a resource, decoded the way Polaris decodes it (see workload.ts). */
export interface Workload {
  spec: JsonObject;
  specPath: PathSegment[];
  /** The object holding the pods' `metadata` and `spec`: the Pod itself or the controller's template. */
  template: JsonObject;
  templatePath: PathSegment[];
}

export interface ContainerSubject {
  value: JsonObject;
  /** As written, or `containers[0]` when unnamed. */
  name: string;
  /** The `name` field itself (undefined when unnamed), which exemptions and templates see. */
  declaredName: string | undefined;
  path: PathSegment[];
  isInit: boolean;
}

/** One thing a check is run on: a resource, its pod spec, or one of its containers. */
export interface Subject {
  resource: Resource;
  workload: Workload | undefined;
  container: ContainerSubject | undefined;
  index: ResourceIndex;
}

/** Outcome of one check on one subject. `path` is from the resource root. */
export type Verdict =
  | { ok: true; path?: PathSegment[] }
  | { ok: false; path?: PathSegment[]; detail?: string };

export interface PolarisCheck {
  /** Polaris's check id, e.g. `hostIPCSet`. */
  id: string;
  info: CheckInfo;
  target: CheckTarget;
  /** Resource kinds the check is limited to or kept away from (Polaris `controllers`). */
  controllers?: { include?: readonly string[]; exclude?: readonly string[] };
  /** Polaris `containers.exclude: [initContainer]`. */
  excludeInitContainers?: boolean;
  messages: { pass: string; fail: string };
  evaluate(subject: Subject): Verdict;
}
