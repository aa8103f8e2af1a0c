import { describeUnknown, formatLocated } from '../../../kernel/index.js';
import { EXIT } from '../../exit-codes.js';
import type { CliIo } from '../../io.js';
import type { PolicyValues, RuleResult } from '../../../policy/index.js';
import { createPolicyEngine, emptyValues } from '../../../policy/index.js';
import { loadPolicies, loadResources, loadValues } from './inputs.js';
import { writeMutated } from './output-dir.js';
import { renderTable } from './table.js';

export interface PolicyApplyOptions {
  policy: string[];
  resource: string[];
  values?: string;
  /** @default 'table' */
  output?: 'table' | 'json';
  /** Write each mutated resource to this folder as `<kind>-<namespace>-<name>.yaml`. @default not written */
  outputDir?: string;
}

/**
 * `bosun policy apply`: evaluates Kyverno policies against resource files. Exit 0 when nothing
 * failed, 1 when a rule failed or could not be evaluated, 3 when an input could not be loaded.
 */
export async function runPolicyApply(options: PolicyApplyOptions, io: CliIo): Promise<number> {
  let loadFailure = false;
  let values: PolicyValues = emptyValues();
  try {
    if (options.values !== undefined) values = await loadValues(options.values);
    const policySet = await loadPolicies(options.policy);
    const loaded = await loadResources(options.resource);
    for (const e of policySet.errors) io.stderr.write(`bosun: ${e.describe()}\n`);
    for (const u of policySet.unsupported) io.stderr.write(`bosun: warning: ${formatLocated(`${u.kind} ${u.name} (${u.apiVersion}) is not supported yet; skipped`, u.file, u.line)}\n`);
    for (const d of loaded.diagnostics) io.stderr.write(`bosun: ${d.level}: ${formatLocated(d.message, d.file, d.line, d.column)}\n`);
    loadFailure = policySet.errors.length > 0 || loaded.diagnostics.some((d) => d.level === 'error');
    const engine = createPolicyEngine({ policies: policySet.policies, values });
    const results = loaded.resources.flatMap((r) => engine.evaluate(r));
    write(results, options, io);
    if (options.outputDir !== undefined) await writeMutated(options.outputDir, results);
    if (loadFailure) return EXIT.input;
    return results.some((r) => r.status === 'fail' || r.status === 'error') ? EXIT.findings : EXIT.ok;
  } catch (error) {
    io.stderr.write(`bosun: ${describeUnknown(error)}\n`);
    return EXIT.input;
  }
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
