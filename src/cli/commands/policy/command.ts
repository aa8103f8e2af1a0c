import { Command, Option } from 'commander';
import type { CliIo } from '../../io.js';
import type { CommandResult } from '../../program.js';
import type { PolicyApplyOptions } from './apply.js';
import type { PolicyTestOptions } from './test.js';

/**
 * `apply -o` choices. Listed here, not taken from apply.ts, so that defining the command loads
 * nothing of the policy engine; a test checks the list against the formats apply.ts writes.
 */
export const APPLY_OUTPUT_CHOICES = ['table', 'json', 'policy-report', 'sarif'] as const;

export type ApplyOutput = (typeof APPLY_OUTPUT_CHOICES)[number];

export function policyCommand(io: CliIo, result: CommandResult): Command {
  const policy = new Command('policy').summary('run Kyverno-compatible policies and their test suites').description('Run Kyverno policies offline (ClusterPolicy/Policy validate, mutate and generate rules, ValidatingPolicy), and `kyverno test` suites unchanged.\nverifyImages and mutate.targets rules report skip (not supported yet).');
  policy.addCommand(
    new Command('test')
      .summary('run kyverno-test.yaml suites')
      .description('Find every kyverno-test.yaml under the paths (hidden folders such as .kyverno-test/ included), run it, and compare each expected result.')
      .argument('<paths...>', 'test folders or kyverno-test.yaml files')
      .option('--detailed-results', 'add each rule message to the table', false)
      .option('--fail-only', 'show only rows that did not pass', false)
      .option('--file-name <name>', 'name of the test files to look for', 'kyverno-test.yaml')
      .addOption(new Option('-o, --output <format>', 'output format (junit: one testcase per expected result)').choices(['table', 'json', 'junit']).default('table'))
      .addHelpText('after', '\nExit status: 0 every expectation held, 1 some did not, 3 a test or one of its inputs could not be loaded.\n\nExample:\n  bosun policy test policies/\n')
      .action(async (paths: string[], opts: PolicyTestOptions) => {
        // Loaded on use: the policy engine (JMESPath, CEL, loaders) is not needed by other commands' start-up.
        const { runPolicyTest } = await import('./test.js');
        result.code = await runPolicyTest(paths, opts, io);
      }),
  );
  policy.addCommand(
    new Command('apply')
      .summary('evaluate policies against resources')
      .description('Evaluate Kyverno policies against Kubernetes resource files and report every rule result.')
      .requiredOption('-p, --policy <files>', 'policy file (repeatable, comma-separated)', collectList)
      .requiredOption('-r, --resource <files>', 'resource file (repeatable, comma-separated)', collectList)
      .option('--values <file>', 'Kyverno Values file with offline values for variables and namespaces')
      .option('--output-dir <dir>', 'write each resource changed by mutate rules or created by generate rules to this folder, one YAML file per resource')
      .addOption(new Option('-o, --output <format>', 'output format; json is the engine results, policy-report is wgpolicyk8s.io/v1alpha2 YAML, sarif is SARIF 2.1.0').choices(APPLY_OUTPUT_CHOICES).default('table'))
      .addHelpText('after', '\nExit status: 0 nothing failed, 1 a rule failed or could not be evaluated, 3 an input could not be loaded.\n\nExamples:\n  bosun policy apply -p policies/require-labels.yaml -r manifests/app.yaml\n  bosun policy apply -p policies/require-labels.yaml -r manifests/app.yaml -o policy-report | kubectl apply -f -\n  bosun policy apply -p policies/require-labels.yaml -r manifests/app.yaml -o sarif > policy.sarif\n')
      .action(async (opts: PolicyApplyOptions) => {
        // Loaded on use, like `policy test` above.
        const { runPolicyApply } = await import('./apply.js');
        result.code = await runPolicyApply(opts, io);
      }),
  );
  return policy;
}

/** Repeatable option whose values may also be comma-separated. */
function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').filter((v) => v !== '')];
}
