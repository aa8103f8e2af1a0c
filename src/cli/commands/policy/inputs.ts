import { readFile } from 'node:fs/promises';
import type { Diagnostic, YamlDocument } from '../../../kernel/index.js';
import { BosunError, diagnosticFrom, parseYamlStream } from '../../../kernel/index.js';
import type { JsonObject, Resource } from '../../../k8s/index.js';
import { asArray, asObject, asString, isClusterScoped, isObject, toResource } from '../../../k8s/index.js';
import type { AdmissionBindingDoc, AdmissionInfo, AdmissionPolicyDoc, LoadedException, LoadedPolicy, PolicyValues, UnsupportedPolicy } from '../../../policy/index.js';
import { bindAdmissionPolicies, loadPolicyText, parseValuesText } from '../../../policy/index.js';

export async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new BosunError('input.read', `cannot read ${what} file ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { file, cause });
  }
}

export interface PolicySet {
  policies: LoadedPolicy[];
  unsupported: UnsupportedPolicy[];
  invalidNames: string[];
  errors: BosunError[];
  /** PolicyExceptions found in the same files. */
  exceptions: LoadedException[];
  /** Loaded, but partly not evaluated (e.g. VAP auditAnnotations). */
  warnings: BosunError[];
}

export async function loadPolicies(files: readonly string[]): Promise<PolicySet> {
  const set: PolicySet = { policies: [], unsupported: [], invalidNames: [], errors: [], exceptions: [], warnings: [] };
  const admissionPolicies: AdmissionPolicyDoc[] = [];
  const admissionBindings: AdmissionBindingDoc[] = [];
  for (const file of files) {
    const loaded = loadPolicyText(file, await readText(file, 'policy'));
    set.policies.push(...loaded.policies);
    set.unsupported.push(...loaded.unsupported);
    set.invalidNames.push(...loaded.invalidNames);
    set.errors.push(...loaded.errors);
    set.exceptions.push(...loaded.exceptions);
    set.warnings.push(...loaded.warnings);
    admissionPolicies.push(...loaded.admissionPolicies);
    admissionBindings.push(...loaded.admissionBindings);
  }
  // ValidatingAdmissionPolicies and their bindings may sit in different files.
  set.policies.push(...bindAdmissionPolicies(admissionPolicies, admissionBindings));
  return set;
}

/**
 * Loads resources the way `kyverno test` does: a namespaced resource without a namespace is put in
 * `default`, and a duplicate (same apiVersion, kind, namespace, name) keeps only the first.
 */
export async function loadResources(files: readonly string[]): Promise<{ resources: Resource[]; diagnostics: Diagnostic[] }> {
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const loaded = resourcesFromText(file, await readText(file, 'resource'));
    diagnostics.push(...loaded.diagnostics);
    for (const r of loaded.resources) {
      const resource = r.namespace === undefined && !isClusterScoped(r.kind) ? withNamespace(r, 'default') : r;
      const key = `${resource.apiVersion}/${resource.kind}/${resource.namespace ?? ''}/${resource.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      resources.push(resource);
    }
  }
  return { resources, diagnostics };
}

function withNamespace(resource: Resource, namespace: string): Resource {
  const metadata = { ...(asObject(resource.object['metadata']) ?? {}), namespace };
  return toResource({ ...resource.object, metadata }, resource.source);
}

export async function loadValues(file: string): Promise<PolicyValues> {
  return parseValuesText(file, await readText(file, 'values'));
}

/** A Kyverno UserInfo file: `roles`, `clusterRoles` and `userInfo {username, groups}`. */
export async function loadUserInfo(file: string): Promise<Partial<AdmissionInfo>> {
  const stream = parseYamlStream(await readText(file, 'userinfo'), { file });
  const first = stream.errors[0];
  if (first !== undefined) throw first;
  const doc = stream.documents[0]?.value;
  if (!isObject(doc)) throw new BosunError('config.invalid', 'userinfo file must hold an object', { file, line: 1 });
  const userInfo = asObject(doc['userInfo']) ?? {};
  return {
    roles: asArray(doc['roles']).map(String),
    clusterRoles: asArray(doc['clusterRoles']).map(String),
    userInfo,
  };
}

/**
 * Like the manifest loader, but keeps objects of any kind: policy tests routinely use CRDs and
 * OpenShift kinds (`v1` BuildConfig) that a config audit would flag as typos.
 */
function resourcesFromText(file: string, text: string): { resources: Resource[]; diagnostics: Diagnostic[] } {
  const stream = parseYamlStream(text, { file, json: file.toLowerCase().endsWith('.json') });
  const diagnostics = stream.errors.map((e) => diagnosticFrom(e));
  const resources: Resource[] = [];
  const add = (doc: YamlDocument, value: unknown, prefix: Array<string | number>): void => {
    const at = prefix.length === 0 ? doc.position : doc.locate(prefix);
    if (!isObject(value) || asString(value['kind']) === undefined || asString(value['apiVersion']) === undefined) {
      diagnostics.push(diagnosticFrom(new BosunError('input.resource', `document ${doc.index + 1} is not a Kubernetes object (it needs apiVersion and kind)`, { file, line: at.line, column: at.column })));
      return;
    }
    const kind = asString(value['kind']) ?? '';
    if (kind.endsWith('List') && Array.isArray(value['items'])) {
      value['items'].forEach((item, i) => add(doc, item, [...prefix, 'items', i]));
      return;
    }
    resources.push(toResource(value, { file, documentIndex: doc.index, position: at, locate: (path) => doc.locate([...prefix, ...path]) }));
  };
  for (const doc of stream.documents) add(doc, doc.value, []);
  return { resources, diagnostics };
}

/**
 * A test's `kind: Context` file and `kind: ClusterResource` files: the objects cluster lookups see
 * (`spec.resources`) and image metadata (`spec.images`, Context only).
 */
export async function loadLookupData(contextFile: string | undefined, clusterFiles: readonly string[]): Promise<{ resources: JsonObject[]; images: JsonObject[] }> {
  const out: { resources: JsonObject[]; images: JsonObject[] } = { resources: [], images: [] };
  const files = [...(contextFile === undefined ? [] : [contextFile]), ...clusterFiles];
  for (const file of files) {
    const stream = parseYamlStream(await readText(file, file === contextFile ? 'context' : 'cluster resources'), { file });
    const first = stream.errors[0];
    if (first !== undefined) throw first;
    for (const doc of stream.documents) {
      const spec = asObject(asObject(doc.value)?.['spec']);
      out.resources.push(...asArray(spec?.['resources']).filter(isObject));
      if (file === contextFile) out.images.push(...asArray(spec?.['images']).filter(isObject));
    }
  }
  return out;
}
