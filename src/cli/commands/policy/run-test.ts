import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../../../kernel/index.js';
import { diagnosticFrom } from '../../../kernel/index.js';
import type { JsonObject, Resource } from '../../../k8s/index.js';
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
  const lookups = createMemoryLookups({ resources: [...lookupData.resources, ...params, ...values.namespaces.values()], images: lookupData.images });
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
    for (const { resource, index } of targets) {
      const base = { policy: policyName, rule: expectation.rule ?? '', resource: describe(resource), message: '' };
      if (!known) {
        const unsupported = policySet.unsupported.find((u) => u.name === policyName);
        const reason = policySet.invalidNames.includes(policyName) ? 'Invalid Policy' : unsupported !== undefined ? `Not supported (${unsupported.kind})` : 'Not found';
        push({ ...base, passed: false, reason });
        continue;
      }
      const operation = expectation.operation ?? operationFromValues(values, policyName, resource.name);
      const responses = evaluate(resource, index, operation).filter((r) => r.policy === policyName && ruleMatches(wantedRule, r.rule));
      if (responses.length === 0) {
        push({ ...base, passed: true, reason: 'Excluded' });
        continue;
      }
      const diff = expectation.patchedResources === undefined ? false : await patchedDiffers(at(expectation.patchedResources), patchedBy(policyName, resource, evaluate(resource, index, operation)), patchedFiles);
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
