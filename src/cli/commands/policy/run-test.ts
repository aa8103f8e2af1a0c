import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../../../kernel/index.js';
import { diagnosticFrom } from '../../../kernel/index.js';
import type { JsonObject, Resource } from '../../../k8s/index.js';
import { asObject } from '../../../k8s/index.js';
import type { AdmissionInfo, PolicyValues, RuleResult } from '../../../policy/index.js';
import { createMemoryLookups, createPolicyEngine, emptyValues, valuesFromObject } from '../../../policy/index.js';
import { loadLookupData, loadPolicies, loadResources, loadUserInfo, loadValues } from './inputs.js';
import { generatedDiffers } from './generated.js';
import { patchedBy, patchedDiffers } from './patched.js';
import type { Expectation, TestFile } from './test-file.js';

/** One row of a test's table: an expectation checked against one rule response. */
export interface TestRow {
  id: number;
  policy: string;
  rule: string;
  resource: string;
  passed: boolean;
  reason: string;
  /** The rule's own message (for --detailed-results). */
  message: string;
}

export interface TestOutcome {
  rows: TestRow[];
  /** Problems loading inputs; an `error` here fails the test even if every row passes. */
  diagnostics: Diagnostic[];
}

type Operation = AdmissionInfo['operation'];

/** Runs one decoded Test from the folder of its file. Throws only when an input cannot be read. */
export async function runTest(test: TestFile, testFile: string): Promise<TestOutcome> {
  const dir = dirname(testFile);
  const at = (p: string): string => resolve(dir, p);
  const policySet = await loadPolicies(test.policies.map(at));
  const loaded = await loadResources(test.resources.map(at));
  let values: PolicyValues = emptyValues();
  if (test.variables !== undefined) values = await loadValues(at(test.variables));
  if (test.values !== undefined) values = valuesFromObject(test.values);
  const admission = test.userinfo === undefined ? {} : await loadUserInfo(at(test.userinfo));
  // PolicyExceptions: from the policy files and the test's `exceptions` files (any other kind there is ignored).
  const exceptionSet = await loadPolicies(test.exceptions.map(at));
  const exceptions = [...policySet.exceptions, ...exceptionSet.exceptions];
  const diagnostics = [...policySet.errors, ...exceptionSet.errors].map((e) => diagnosticFrom(e)).concat(loaded.diagnostics, policySet.warnings.map((w) => diagnosticFrom(w, 'warning')));

  // generate.clone copies from the tests' cloneSourceResource files, else from the loaded resources.
  const cloneFiles = [...new Set(test.results.flatMap((r) => (r.cloneSourceResource === undefined ? [] : [at(r.cloneSourceResource)])))];
  const cloneSources = [...(await loadResources(cloneFiles)).resources, ...loaded.resources].map((r) => r.object);
  // Cluster lookups see the Context/ClusterResource objects and the Values file's namespaces.
  const lookupData = await loadLookupData(test.context === undefined ? undefined : at(test.context), test.clusterResources.map(at));
  // ValidatingAdmissionPolicy parameters (paramResources) are found through the same lookups.
  const params = (await loadResources(test.paramResources.map(at))).resources.map((r) => r.object);
  // mutate.targets select existing objects: the test's targetResources and its resources.
  const targetOnly = (await loadResources(test.targetResources.map(at))).resources.filter((t) => !loaded.resources.some((r) => sameResource(r, t)));
  const existing = [...targetOnly, ...loaded.resources].map((r) => r.object);
  const lookups = createMemoryLookups({ resources: [...lookupData.resources, ...params, ...existing, ...values.namespaces.values()], images: lookupData.images });
  const engine = createPolicyEngine({ policies: policySet.policies, values, cloneSources, lookups, exceptions });
  const cache = new Map<string, RuleResult[]>();
  const evaluate = (resource: Resource, index: number, operation: Operation): RuleResult[] => {
    const key = `${index}/${operation}`;
    let results = cache.get(key);
    if (results === undefined) {
      results = engine.evaluate(resource, { admission: { ...admission, operation } });
      cache.set(key, results);
    }
    return results;
  };

  const patchedFiles = new Map<string, Resource[]>();
  const generatedFiles = new Map<string, JsonObject[]>();
  const rows: TestRow[] = [];
  const push = (row: Omit<TestRow, 'id'>): void => void rows.push({ id: rows.length + 1, ...row });
  for (const expectation of test.results) {
    const policyName = expectation.policy.slice(expectation.policy.lastIndexOf('/') + 1);
    const targets = targetsOf(expectation, loaded.resources);
    const policy = policySet.policies.find((p) => p.name === policyName);
    const known = policy !== undefined;
    // Rule-less kinds (ValidatingPolicy) answer for the whole policy; the test's rule is ignored.
    const wantedRule = policy?.ruleless === true ? undefined : expectation.rule;
    // Mutate-existing results are about targets, whichever trigger produced them.
    const targetResults = (operation: Operation): RuleResult[] =>
      policy !== undefined && policy.rules.some((r) => asObject(r.spec['mutate'])?.['targets'] !== undefined)
        ? loaded.resources.flatMap((r, i) => evaluate(r, i, operation)).filter((r) => r.trigger !== undefined && r.policy === policyName)
        : [];
    const namedTargets = targetOnlyOf(expectation, targetOnly);
    // Kyverno's fall-back to every resource applies only when no listed name exists anywhere.
    const rowsFor = namedTargets.length > 0 && targets.length === loaded.resources.length && !names(expectation, loaded.resources) ? namedTargets : [...targets, ...namedTargets];
    for (const { resource, index } of rowsFor) {
      const base = { policy: policyName, rule: expectation.rule ?? '', resource: describe(resource), message: '' };
      if (!known) {
        const unsupported = policySet.unsupported.find((u) => u.name === policyName);
        const reason = policySet.invalidNames.includes(policyName) ? 'Invalid Policy' : unsupported !== undefined ? `Not supported (${unsupported.kind})` : 'Not found';
        push({ ...base, passed: false, reason });
        continue;
      }
      const operation = expectation.operation ?? operationFromValues(values, policyName, resource.name);
      const own = index < 0 ? [] : evaluate(resource, index, operation).filter((r) => r.trigger === undefined);
      const onTarget = targetResults(operation).filter((r) => sameResource(r.resource, resource));
      const responses = [...own, ...onTarget].filter((r) => r.policy === policyName && ruleMatches(wantedRule, r.rule));
      if (responses.length === 0) {
        push({ ...base, passed: true, reason: 'Excluded' });
        continue;
      }
      const patchedTarget = onTarget.find((r) => r.patched !== undefined && r.policy === policyName)?.patched;
      const actual = patchedTarget ?? patchedBy(policyName, resource, own);
      const diff = expectation.patchedResources === undefined ? false : await patchedDiffers(at(expectation.patchedResources), actual, patchedFiles);
      if (diff === 'missing') {
        if (expectation.failOnMissingResources) push({ ...base, passed: false, reason: 'Resource error', message: `no document for ${describe(resource)} in ${expectation.patchedResources ?? ''}` });
        continue;
      }
      for (const response of responses) {
        // A generated resource that differs from the expected ones is a `fail`, like a patched one.
        const genDiff = expectation.generatedResources.length === 0 || response.status !== 'pass' ? undefined : await generatedDiffers(expectation.generatedResources.map(at), response.generated ?? [], generatedFiles);
        // Kyverno reads a patched resource that differs from the expected one as a `fail` result.
        const status = diff || genDiff !== undefined ? 'fail' : response.status;
        const ok = status === expectation.result;
        const reason = ok ? 'Ok' : diff || genDiff !== undefined ? 'Resource diff' : `Want ${expectation.result}, got ${status}`;
        push({ ...base, rule: response.rule, passed: ok, reason, message: genDiff ?? response.message });
      }
    }
  }
  return { rows, diagnostics };
}

/** Listed names (`name` or `ns/name`) against every loaded resource, whatever its kind. */
function targetsOf(expectation: Expectation, resources: readonly Resource[]): Array<{ resource: Resource; index: number }> {
  const all = resources.map((resource, index) => ({ resource, index }));
  const listed = all.filter(({ resource }) =>
    expectation.resources.some((ref) => {
      const slash = ref.indexOf('/');
      if (slash < 0) return ref === resource.name;
      return ref.slice(0, slash) === (resource.namespace ?? '') && ref.slice(slash + 1) === resource.name;
    }),
  );
  // Kyverno checks every resource when none of the listed names exists.
  return listed.length > 0 ? listed : all;
}

function names(expectation: Expectation, resources: readonly Resource[]): boolean {
  return resources.some((r) => expectation.resources.some((ref) => ref === r.name || ref === `${r.namespace ?? ''}/${r.name}`));
}

/** Target-only resources (not among the test's resources) named by the expectation; index -1. */
function targetOnlyOf(expectation: Expectation, targets: readonly Resource[]): Array<{ resource: Resource; index: number }> {
  return targets.filter((t) => expectation.resources.some((ref) => ref === t.name || ref === `${t.namespace ?? ''}/${t.name}`)).map((resource) => ({ resource, index: -1 }));
}

function sameResource(a: Pick<Resource, 'apiVersion' | 'kind' | 'name' | 'namespace'>, b: Pick<Resource, 'apiVersion' | 'kind' | 'name' | 'namespace'>): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

function ruleMatches(expected: string | undefined, actual: string): boolean {
  if (expected === undefined || expected === '') return true;
  return actual === expected || actual === `autogen-${expected}` || actual === `autogen-cronjob-${expected}`;
}

function operationFromValues(values: PolicyValues, policy: string, resource: string): Operation {
  const op = values.resources.get(policy)?.get(resource)?.['request.operation'] ?? values.global['request.operation'];
  return op === 'UPDATE' || op === 'DELETE' || op === 'CONNECT' ? op : 'CREATE';
}

export function describe(resource: Resource): string {
  return [resource.apiVersion, resource.kind, resource.namespace ?? '', resource.name].join('/');
}
