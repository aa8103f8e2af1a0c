import type { Diagnostic } from '../../../kernel/index.js';
import { describeUnknown, diagnosticFrom, formatLocated } from '../../../kernel/index.js';
import { EXIT } from '../../exit-codes.js';
import type { CliIo } from '../../io.js';
import type { PolicyValues, RuleResult, UnsupportedPolicy } from '../../../policy/index.js';
import { createMemoryLookups, createPolicyEngine, emptyValues } from '../../../policy/index.js';
import type { PolicyResultRecord } from '../../../report/policy-results/index.js';
import { POLICY_RESULT_WRITERS } from '../../../report/policy-results/index.js';
import { bosunVersion } from '../../version.js';
import { loadPolicies, loadResources, loadValues } from './inputs.js';
import { writeMutated } from './output-dir.js';
import { policyLookup, recordOf } from './records.js';
import type { ApplyOutput } from './command.js';
import { renderTable } from './table.js';

/** `-o` values: the command's own table and json, plus the policy-result writers' ids. */
export const APPLY_FORMATS = ['table', 'json', ...POLICY_RESULT_WRITERS.keys()] as const;

export interface PolicyApplyOptions {
  policy: string[];
  resource: string[];
  values?: string;
  /** `table`, `json` (the engine's results), `policy-report` (wgpolicyk8s.io/v1alpha2 YAML) or `sarif`. @default 'table' */
  output?: ApplyOutput;
  /** Write each mutated resource to this folder as `<kind>-<namespace>-<name>.yaml`. @default not written */
  outputDir?: string;
}

/**
 * `bosun policy apply`: evaluates Kyverno policies against resource files. Exit 0 when nothing
 * failed, 1 when a rule failed or could not be evaluated, 3 when an input could not be loaded.
 */
export async function runPolicyApply(options: PolicyApplyOptions, io: CliIo): Promise<number> {
  let values: PolicyValues = emptyValues();
  try {
    if (options.values !== undefined) values = await loadValues(options.values);
    const policySet = await loadPolicies(options.policy);
    const loaded = await loadResources(options.resource);
    const diagnostics: Diagnostic[] = [
      ...policySet.errors.map((e) => diagnosticFrom(e)),
      ...policySet.unsupported.map((u): Diagnostic => ({ level: 'warning', code: 'config.invalid', message: unsupportedText(u), file: u.file, line: u.line })),
      ...loaded.diagnostics,
    ];
    for (const e of policySet.errors) io.stderr.write(`bosun: ${e.describe()}\n`);
    for (const u of policySet.unsupported) io.stderr.write(`bosun: warning: ${formatLocated(unsupportedText(u), u.file, u.line)}\n`);
    for (const d of loaded.diagnostics) io.stderr.write(`bosun: ${d.level}: ${formatLocated(d.message, d.file, d.line, d.column)}\n`);
    // Exceptions come from the same files as policies; resource.Get/List and VAP params see the
    // loaded resources, the offline stand-in for the cluster.
    const engine = createPolicyEngine({
      policies: policySet.policies,
      values,
      exceptions: policySet.exceptions,
      lookups: createMemoryLookups({ resources: loaded.resources.map((r) => r.object) }),
    });
    const lookup = policyLookup(policySet.policies);
    const results: RuleResult[] = [];
    const records: PolicyResultRecord[] = [];
    for (const resource of loaded.resources) {
      for (const result of engine.evaluate(resource)) {
        results.push(result);
        records.push(recordOf(result, resource, lookup(result)));
      }
    }
    const writer = POLICY_RESULT_WRITERS.get(options.output ?? 'table');
    if (writer !== undefined) io.stdout.write(writer.write({ results: records, generatedAt: io.now(), tool: { version: bosunVersion(), informationUri: 'https://github.com/bosun-dev/bosun' }, diagnostics }));
    else write(results, options, io);
    if (options.outputDir !== undefined) await writeMutated(options.outputDir, results);
    if (diagnostics.some((d) => d.level === 'error')) return EXIT.input;
    return results.some((r) => r.status === 'fail' || r.status === 'error') ? EXIT.findings : EXIT.ok;
  } catch (error) {
    io.stderr.write(`bosun: ${describeUnknown(error)}\n`);
    return EXIT.input;
  }
}

function unsupportedText(u: UnsupportedPolicy): string {
  return `${u.kind} ${u.name} (${u.apiVersion}) is not supported yet; skipped`;
}

function write(results: readonly RuleResult[], options: PolicyApplyOptions, io: CliIo): void {
  if (options.output === 'json') {
    io.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
    return;
  }
  const cells = results.map((r) => [r.policy, r.rule, [r.resource.kind, r.resource.namespace, r.resource.name].filter((x) => x !== undefined).join('/'), r.status, r.message]);
  if (cells.length > 0) io.stdout.write(renderTable(['POLICY', 'RULE', 'RESOURCE', 'STATUS', 'MESSAGE'], cells));
  const count = (s: RuleResult['status']): number => results.filter((r) => r.status === s).length;
  io.stdout.write(`\npass: ${count('pass')}, fail: ${count('fail')}, warn: ${count('warn')}, error: ${count('error')}, skip: ${count('skip')}\n`);
}
