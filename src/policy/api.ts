import type { RuleStatus } from '../findings/index.js';
import type { JsonObject } from '../k8s/index.js';

export type { RuleStatus };

/** A Kyverno `kyverno.io/v1` (or v2beta1) ClusterPolicy/Policy, checked at load time. */
export interface LoadedPolicy {
  kind: 'ClusterPolicy' | 'Policy' | 'ValidatingAdmissionPolicy' | 'ValidatingPolicy' | 'NamespacedValidatingPolicy' | 'MutatingPolicy' | 'NamespacedMutatingPolicy' | 'GeneratingPolicy' | 'NamespacedGeneratingPolicy';
  name: string;
  /** Set for namespaced `Policy`: it applies only to resources in that namespace. */
  namespace: string | undefined;
  annotations: Record<string, string>;
  rules: PolicyRule[];
  /**
   * True for rule-less kinds (ValidatingPolicy): their one rule is named after the policy, and a
   * test's `rule` field does not select among responses.
   */
  ruleless: boolean;
  /** `One` stops at the first rule that applies (ref. Kyverno `spec.applyRules`). @default 'All' */
  applyRules: 'All' | 'One';
  /** Where the policy came from, for messages. */
  file: string;
  line: number;
}

/** One rule as written (after autogen expansion). `spec` is the raw Kyverno rule object. */
export interface PolicyRule {
  name: string;
  spec: JsonObject;
  /** The rule's kind of work; drives which handler runs. */
  type: 'validate' | 'mutate' | 'generate' | 'verifyImages' | 'unknown';
}

/** Identifies the resource a result is about. */
export interface ResultResource {
  apiVersion: string;
  kind: string;
  namespace: string | undefined;
  name: string;
}

/** Outcome of one rule on one resource, the engine's single currency. */
export interface RuleResult {
  policy: string;
  rule: string;
  resource: ResultResource;
  status: RuleStatus;
  message: string;
  /** mutate rules that applied (`pass`): the resource after this rule and every mutate rule before it. */
  patched?: JsonObject;
  /**
   * Set on mutate-existing (`mutate.targets`) results: the admitted resource that triggered the rule;
   * `resource` is then the target and `patched` the target after the patch.
   */
  trigger?: ResultResource;
  /** generate rules that applied (`pass`): the resources they would create. */
  generated?: JsonObject[];
}

/** Admission request data a rule sees as `request.*`. */
export interface AdmissionInfo {
  /** @default 'CREATE' */
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  userInfo: { username?: string; groups?: string[]; uid?: string } & JsonObject;
  roles: string[];
  clusterRoles: string[];
}

/** Offline stand-ins for cluster lookups, from a Kyverno Values file. */
export interface PolicyValues {
  /** Every resource, every rule. Dotted keys. */
  global: JsonObject;
  /** policy name → resource name → dotted values. */
  resources: Map<string, Map<string, JsonObject>>;
  /** policy name → rule name → dotted values. */
  rules: Map<string, Map<string, { values: JsonObject; foreachValues: JsonObject }>>;
  /** namespace name → labels, for `namespaceSelector`. */
  namespaceLabels: Map<string, Record<string, string>>;
  /** namespace name → full Namespace object (a Values file's `namespaces`), for CEL `namespaceObject`. */
  namespaces: Map<string, JsonObject>;
}

export function emptyValues(): PolicyValues {
  return { global: {}, resources: new Map(), rules: new Map(), namespaceLabels: new Map(), namespaces: new Map() };
}

/**
 * A Kyverno PolicyException (`kyverno.io/v2`, `v2beta1`), checked at load time: rules it names are
 * `skip` for the resources it matches, or (with `podSecurity`) run with extra control exemptions.
 */
export interface KyvernoException {
  api: 'kyverno.io';
  name: string;
  namespace: string | undefined;
  /** Policy (`name`, or `namespace/name` for a namespaced Policy) and rule-name globs it exempts. */
  exceptions: Array<{ policyName: string; ruleNames: string[] }>;
  /** A rule-style `match` block (`any`/`all`). */
  match: JsonObject;
  /** Optional `{any, all}` conditions over the rule's context. */
  conditions: JsonObject | undefined;
  /** `validate.podSecurity.exclude`-style entries added to the podSecurity rules it names. */
  podSecurity: JsonObject[];
  file: string;
  line: number;
}

/**
 * A `policies.kyverno.io` PolicyException for the CEL policy kinds: the policies it names (by name
 * and optionally kind) are `skip` for requests where every `matchConditions` expression holds.
 */
export interface CelPolicyException {
  api: 'policies.kyverno.io';
  name: string;
  namespace: string | undefined;
  policyRefs: Array<{ name: string; kind: string | undefined }>;
  matchConditions: JsonObject[];
  file: string;
  line: number;
}

export type LoadedException = KyvernoException | CelPolicyException;
