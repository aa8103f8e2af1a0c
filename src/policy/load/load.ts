import type { PathSegment, YamlDocument } from '../../kernel/index.js';
import { BosunError, parseYamlStream } from '../../kernel/index.js';
import { asArray, asObject, asString, isObject, stringMap } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import type { LoadedException, LoadedPolicy, PolicyRule } from '../api.js';
import { CEL_EXCEPTION_API_VERSIONS, EXCEPTION_API_VERSIONS, loadCelException, loadException } from './exception.js';
import type { AdmissionBindingDoc, AdmissionPolicyDoc } from './admission-policy.js';
import { ADMISSION_API_VERSIONS, admissionDocParts, checkAdmissionBinding, checkAdmissionPolicy } from './admission-policy.js';
import type { PolicyProblem } from './check.js';
import { autogenControllers, autogenRules } from '../autogen/index.js';
import { checkRule } from './check.js';
import { validatingPolicyRules } from './validating-policy.js';
import { mutatingPolicyRules } from './mutating-policy.js';
import { generatingPolicyRules } from '../handlers/generate/index.js';

/** A policy document of a kind this engine does not run yet (CEL policy kinds, VAP, ...). */
export interface UnsupportedPolicy {
  apiVersion: string;
  kind: string;
  name: string;
  file: string;
  line: number;
}

export interface LoadedPolicies {
  policies: LoadedPolicy[];
  unsupported: UnsupportedPolicy[];
  /** Invalid documents, each with file, line and the field path in the message. */
  errors: BosunError[];
  /** Names of policies that were rejected, so callers can report their results as invalid. */
  invalidNames: string[];
  /** PolicyExceptions found among the documents. */
  exceptions: LoadedException[];
  /**
   * ValidatingAdmissionPolicies and their bindings, which may come from different files: pair them
   * with `bindAdmissionPolicies` once every file is loaded.
   */
  admissionPolicies: AdmissionPolicyDoc[];
  admissionBindings: AdmissionBindingDoc[];
  /** Things loaded but not (fully) evaluated, e.g. VAP auditAnnotations. */
  warnings: BosunError[];
}

const KYVERNO_API = new Set(['kyverno.io/v1', 'kyverno.io/v2beta1']);

/** Parses and checks every policy document in one file's text. Never throws. */
type CelPolicyKind = 'ValidatingPolicy' | 'MutatingPolicy' | 'GeneratingPolicy';

/**
 * The CEL policy kinds (policies.kyverno.io) load the same way: their spec becomes rules for the one
 * engine, named after the policy; the Namespaced variants differ only in scope.
 */
const CEL_POLICY_KINDS: Partial<Record<string, { convert: (name: string, spec: JsonObject) => { rules: JsonObject[]; problems: PolicyProblem[] }; evaluationModes: boolean; kind: CelPolicyKind }>> = {
  ValidatingPolicy: { convert: validatingPolicyRules, evaluationModes: true, kind: 'ValidatingPolicy' },
  MutatingPolicy: { convert: mutatingPolicyRules, evaluationModes: false, kind: 'MutatingPolicy' },
  GeneratingPolicy: { convert: generatingPolicyRules, evaluationModes: false, kind: 'GeneratingPolicy' },
};

export function loadPolicyText(file: string, text: string): LoadedPolicies {
  const out: LoadedPolicies = { policies: [], unsupported: [], errors: [], invalidNames: [], exceptions: [], admissionPolicies: [], admissionBindings: [], warnings: [] };
  const json = file.toLowerCase().endsWith('.json');
  const stream = parseYamlStream(text, { file, json });
  out.errors.push(...stream.errors);
  for (const doc of stream.documents) loadDocument(file, doc, out);
  return out;
}

function loadDocument(file: string, doc: YamlDocument, out: LoadedPolicies): void {
  const fail = (path: PathSegment[], reason: string, what = 'policy'): BosunError => {
    const at = doc.locate(path);
    const field = path.length === 0 ? '' : ` (${formatPath(path)})`;
    return new BosunError('config.invalid', `invalid ${what}${field}: ${reason}`, { file, line: at.line, column: at.column });
  };
  const value = doc.value;
  if (!isObject(value)) {
    out.errors.push(fail([], 'a policy document must be an object'));
    return;
  }
  const apiVersion = asString(value['apiVersion']) ?? '';
  const kind = asString(value['kind']) ?? '';
  const metadata = asObject(value['metadata']);
  const name = asString(metadata?.['name']) ?? '';
  if ((kind === 'ClusterPolicy' || kind === 'Policy') && KYVERNO_API.has(apiVersion)) {
    const errors: BosunError[] = [];
    if (name === '') errors.push(fail(['metadata', 'name'], 'metadata.name is required'));
    const spec = asObject(value['spec']);
    const rawRules = asArray(spec?.['rules']);
    if (rawRules.length === 0) errors.push(fail(['spec', 'rules'], 'spec.rules must list at least one rule'));
    rawRules.forEach((r, i) => {
      if (!isObject(r)) errors.push(fail(['spec', 'rules', i], 'a rule must be an object'));
      else for (const p of checkRule(r, ['spec', 'rules', i])) errors.push(fail(p.path, p.reason));
    });
    if (errors.length > 0) {
      out.errors.push(...errors);
      out.invalidNames.push(name);
      return;
    }
    const annotations = stringMap(metadata?.['annotations']);
    const controllers = autogenControllers(annotations);
    const rules: PolicyRule[] = [];
    for (const raw of rawRules.filter(isObject)) {
      rules.push(toRule(raw));
      for (const generated of autogenRules(raw, controllers)) rules.push(toRule(generated));
    }
    out.policies.push({
      kind,
      name,
      namespace: kind === 'Policy' ? (asString(metadata?.['namespace']) ?? 'default') : undefined,
      annotations,
      rules,
      ruleless: false,
      applyRules: spec?.['applyRules'] === 'One' ? 'One' : 'All',
      file,
      line: doc.position.line,
    });
    return;
  }
  if (kind === 'PolicyException' && (EXCEPTION_API_VERSIONS.has(apiVersion) || CEL_EXCEPTION_API_VERSIONS.has(apiVersion))) {
    const { exception, problems } = EXCEPTION_API_VERSIONS.has(apiVersion) ? loadException(value, file, doc.position.line) : loadCelException(value, file, doc.position.line);
    if (problems.length > 0) out.errors.push(...problems.map((p) => fail(p.path, p.reason, 'policy exception')));
    else out.exceptions.push(exception);
    return;
  }
  if ((kind === 'ValidatingAdmissionPolicy' || kind === 'ValidatingAdmissionPolicyBinding') && ADMISSION_API_VERSIONS.has(apiVersion)) {
    const parts = admissionDocParts(value);
    const binding = kind === 'ValidatingAdmissionPolicyBinding';
    const problems = binding ? checkAdmissionBinding(parts.spec) : checkAdmissionPolicy(parts.spec);
    if (parts.name === '') problems.push({ path: ['metadata', 'name'], reason: 'metadata.name is required' });
    if (problems.length > 0) {
      out.errors.push(...problems.map((p) => fail(p.path, p.reason, binding ? 'policy binding' : 'policy')));
      if (!binding) out.invalidNames.push(parts.name);
      return;
    }
    const spec = parts.spec ?? {};
    if (binding) out.admissionBindings.push({ name: parts.name, policyName: asString(spec['policyName']) ?? '', spec, file, line: doc.position.line });
    if (!binding && spec['auditAnnotations'] !== undefined) {
      const at = doc.locate(['spec', 'auditAnnotations']);
      out.warnings.push(new BosunError('config.invalid', `${parts.name}: spec.auditAnnotations are not evaluated (they only annotate audit events)`, { file, line: at.line, column: at.column }));
    }
    if (!binding) out.admissionPolicies.push({ name: parts.name, annotations: parts.annotations, spec, file, line: doc.position.line });
    return;
  }
  const celKind = apiVersion.startsWith('policies.kyverno.io/') ? CEL_POLICY_KINDS[kind.replace(/^Namespaced/, '')] : undefined;
  if (celKind !== undefined) {
    const spec = asObject(value['spec']) ?? {};
    const mode = asString(asObject(spec['evaluation'])?.['mode']);
    if (celKind.evaluationModes && mode !== undefined && mode !== 'Kubernetes') {
      out.unsupported.push({ apiVersion, kind, name, file, line: doc.position.line });
      return;
    }
    const converted = celKind.convert(name, spec);
    if (name === '') converted.problems.push({ path: ['metadata', 'name'], reason: 'metadata.name is required' });
    if (converted.problems.length > 0) {
      out.errors.push(...converted.problems.map((p) => fail(p.path, p.reason)));
      out.invalidNames.push(name);
      return;
    }
    const namespaced = kind.startsWith('Namespaced');
    out.policies.push({
      kind: namespaced ? (`Namespaced${celKind.kind}` as const) : celKind.kind,
      name,
      namespace: namespaced ? (asString(metadata?.['namespace']) ?? 'default') : undefined,
      annotations: stringMap(metadata?.['annotations']),
      rules: converted.rules.map(toRule),
      ruleless: true,
      applyRules: 'All',
      file,
      line: doc.position.line,
    });
    return;
  }
  if (kind === '' || apiVersion === '') {
    out.errors.push(fail([], 'a policy document needs apiVersion and kind'));
    return;
  }
  out.unsupported.push({ apiVersion, kind, name, file, line: doc.position.line });
}

function toRule(raw: JsonObject): PolicyRule {
  const type = raw['validate'] !== undefined ? 'validate' : raw['mutate'] !== undefined ? 'mutate' : raw['generate'] !== undefined ? 'generate' : raw['verifyImages'] !== undefined ? 'verifyImages' : 'unknown';
  return { name: asString(raw['name']) ?? '', spec: raw, type };
}

function formatPath(path: readonly PathSegment[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
